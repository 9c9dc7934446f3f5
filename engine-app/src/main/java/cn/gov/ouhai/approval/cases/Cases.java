package cn.gov.ouhai.approval.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.CaseClocks;

/** Reads cases and records what happens to them; what other modules use of this one. */
@Service
public class Cases {

	private final CaseMapper mapper;

	private final ApplicationEventPublisher events;

	private final CaseClocks clocks;

	Cases(CaseMapper mapper, ApplicationEventPublisher events, CaseClocks clocks) {
		this.mapper = mapper;
		this.events = events;
		this.clocks = clocks;
	}

	/** Whether any case was ever taken in (the demo profile fills an empty database only). */
	public boolean any() {
		return this.mapper.any();
	}

	public Optional<CaseRecord> find(String caseNo) {
		return Optional.ofNullable(this.mapper.find(caseNo));
	}

	/** The case a client's request (its idempotency key) created, if any. */
	public Optional<CaseRecord> findByRequest(String requestId) {
		return Optional.ofNullable(this.mapper.findByRequest(requestId));
	}

	public List<CaseRecord> byProcessInstances(List<String> processInstanceIds) {
		return processInstanceIds.isEmpty() ? List.of() : this.mapper.byProcessInstances(processInstanceIds);
	}

	/** The cases whose own processes these are: number and matter only, for lists of steps. */
	public List<CaseOfProcess> casesOfProcesses(List<String> processInstanceIds) {
		return processInstanceIds.isEmpty() ? List.of() : this.mapper.casesOfProcesses(processInstanceIds);
	}

	public List<CaseEvent> timeline(String caseNo) {
		return this.mapper.events(caseNo);
	}

	/** A step was completed: on the timeline, and the case is now in progress. */
	@Transactional
	public void stepCompleted(String caseNo, String stepId, String stepName, String actor, String decision,
			String opinion) {
		this.mapper.insertEvent(caseNo,
				new CaseEvent(EngineClock.now(), "STEP", stepId, stepName, actor, decision, opinion));
		this.mapper.moveStatus(caseNo, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS);
		this.mapper.moveStatus(caseNo, CaseStatus.ACCEPTED_WITH_DEFICIENCY, CaseStatus.IN_PROGRESS);
		// 一件事: a bundle is in progress once one of its matters is
		String bundle = this.mapper.bundleOf(caseNo);
		if (bundle != null) {
			this.mapper.moveStatus(bundle, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS);
			this.mapper.moveStatus(bundle, CaseStatus.ACCEPTED_WITH_DEFICIENCY, CaseStatus.IN_PROGRESS);
		}
	}

	/** Anything else worth a line on the timeline (a supplement asked for, a special procedure). */
	@Transactional
	public void note(String caseNo, String kind, String stepId, String stepName, String actor, String decision,
			String opinion) {
		this.mapper.insertEvent(caseNo, new CaseEvent(EngineClock.now(), kind, stepId, stepName, actor, decision, opinion));
	}

	/** Marks materials as asked for in a supplement notice (补正): not provided until handed in. */
	@Transactional
	public void requestMaterials(String caseNo, List<String> codes) {
		this.mapper.requestMaterials(caseNo, codes);
	}

	/** The case's process reached an end that the diagram marks with the case's final status. */
	@Transactional
	public void finished(String caseNo, CaseStatus status, String endId, String endName) {
		Instant now = EngineClock.now();
		this.mapper.finish(caseNo, status, now);
		this.clocks.finish(caseNo, now);
		this.mapper.insertEvent(caseNo, new CaseEvent(now, "STATUS", endId, endName, null, status.name(), null));
		// in the engine's transaction: a bundle (一件事) hears at once that one of its matters ended
		this.events.publishEvent(new CaseFinished(caseNo, status));
	}

	/** 一件事: the matters (child cases) of a bundle case, each a case of its own. */
	public List<CaseRecord> children(String bundleCaseNo) {
		return this.mapper.children(bundleCaseNo);
	}

	/** 一件事: the bundle case this case is a matter of, if any. */
	public Optional<String> bundleOf(String caseNo) {
		return Optional.ofNullable(this.mapper.bundleOf(caseNo));
	}

	/**
	 * 一件事: locks the bundle's row until the transaction ends, so that two of its matters approved
	 * at the same moment do not each see the other as still open.
	 */
	@Transactional
	public void lockBundle(String bundleCaseNo) {
		this.mapper.lock(bundleCaseNo);
	}

	/** 一件事: a matter of a bundle was approved; its certificate waits for the others (多证齐发). */
	@Transactional
	public void approvedInBundle(String caseNo) {
		this.mapper.setStatus(caseNo, CaseStatus.APPROVED);
		this.mapper.insertEvent(caseNo, new CaseEvent(EngineClock.now(), "STATUS", null, "审批通过，等待多证齐发", null,
				CaseStatus.APPROVED.name(), null));
	}

	/**
	 * 一件事: the bundle closed a matter whose process it stopped (withdrawal, or another matter
	 * denied), with the reason on the matter's timeline. Not a {@link CaseFinished}: the bundle
	 * itself decided it.
	 */
	@Transactional
	public void closedByBundle(String caseNo, CaseStatus status, String reason) {
		Instant now = EngineClock.now();
		this.mapper.finish(caseNo, status, now);
		// its time ends here too: a closed matter no longer runs late
		this.clocks.finish(caseNo, now);
		this.mapper.insertEvent(caseNo, new CaseEvent(now, "STATUS", null, "一件事终止本事项", null, status.name(), reason));
	}

	/** The codes of the materials handed in, at intake or later. */
	public List<String> providedMaterials(String caseNo) {
		return this.mapper.providedMaterials(caseNo);
	}

	/** 已办: the steps a person completed, newest first. */
	public List<StepDone> stepsDoneBy(String actor, int offset, int limit) {
		return this.mapper.stepsDoneBy(actor, offset, limit)
			.stream()
			.map(row -> new StepDone(row.caseNo(), row.matterCode(), row.matterName(), row.stepId(), row.stepName(),
					row.decision(), row.opinion(), EngineClock.local(row.occurredAt()), row.status()))
			.toList();
	}

	public long countStepsDoneBy(String actor) {
		return this.mapper.countStepsDoneBy(actor);
	}

	List<CaseMapper.TouchedRow> touchedBy(String actor, int offset, int limit) {
		return this.mapper.touchedBy(actor, offset, limit);
	}

	long countTouchedBy(String actor) {
		return this.mapper.countTouchedBy(actor);
	}

	/** Records that a person was shown an applicant's full personal data. */
	@Transactional
	void revealed(String caseNo, String user, Instant at, String reason) {
		this.mapper.insertReveal(caseNo, user, at, reason);
	}

	List<CaseRecord> page(CaseFilter filter) {
		return this.mapper.page(filter);
	}

	long count(CaseFilter filter) {
		return this.mapper.count(filter);
	}

}
