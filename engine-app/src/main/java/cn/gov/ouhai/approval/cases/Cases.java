package cn.gov.ouhai.approval.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.clock.EngineClock;

/** Reads cases and records what happens to them; what other modules use of this one. */
@Service
public class Cases {

	private final CaseMapper mapper;

	Cases(CaseMapper mapper) {
		this.mapper = mapper;
	}

	/** Whether any case was ever taken in (the demo profile fills an empty database only). */
	public boolean any() {
		return this.mapper.any();
	}

	public Optional<CaseRecord> find(String caseNo) {
		return Optional.ofNullable(this.mapper.find(caseNo));
	}

	public List<CaseRecord> byProcessInstances(List<String> processInstanceIds) {
		return processInstanceIds.isEmpty() ? List.of() : this.mapper.byProcessInstances(processInstanceIds);
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
		this.mapper.insertEvent(caseNo, new CaseEvent(now, "STATUS", endId, endName, null, status.name(), null));
	}

	/** The codes of the materials handed in, at intake or later. */
	public List<String> providedMaterials(String caseNo) {
		return this.mapper.providedMaterials(caseNo);
	}

	List<CaseRecord> page(CaseFilter filter) {
		return this.mapper.page(filter);
	}

	long count(CaseFilter filter) {
		return this.mapper.count(filter);
	}

}
