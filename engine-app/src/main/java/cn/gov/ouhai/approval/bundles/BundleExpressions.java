package cn.gov.ouhai.approval.bundles;

import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.CaseVariables;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.Notification;
import cn.gov.ouhai.approval.sla.Notifier;

/**
 * The bean bundle diagrams (and the matters' 多证齐发 hold) call as {@code ${bundles.…}}. The
 * questions a diagram asks are answered from the matters' cases, so what a gateway decides is
 * visible in the diagram and the facts stay in one place.
 */
@Component("bundles")
public class BundleExpressions {

	private final Cases cases;

	private final Catalog catalog;

	private final RuntimeService runtime;

	private final Notifier notifier;

	BundleExpressions(Cases cases, Catalog catalog, RuntimeService runtime, Notifier notifier) {
		this.cases = cases;
		this.catalog = catalog;
		this.runtime = runtime;
		this.notifier = notifier;
	}

	/** The multi-instance collection: the case numbers of the bundle's matters. */
	public List<String> matters(DelegateExecution execution) {
		return children(execution).stream().map(CaseRecord::caseNo).toList();
	}

	/** The called element of one matter: the process its catalog entry names. */
	public String processKeyOf(String childCaseNo) {
		CaseRecord child = this.cases.find(childCaseNo).orElseThrow();
		return this.catalog.matter(child.matterCode()).map(Matter::processKey).orElseThrow();
	}

	/**
	 * Called by a matter's diagram once it is approved and nothing is owed (报告审批通过). Alone it
	 * goes on to its certificate; in a bundle its case is APPROVED and the bundle hears of it.
	 */
	public void matterApproved(DelegateExecution execution) {
		String bundleCaseNo = (String) execution.getVariable(BundleVariables.BUNDLE_CASE_NO);
		if (bundleCaseNo == null) {
			return;
		}
		this.cases.lockBundle(bundleCaseNo);
		this.cases.approvedInBundle(CaseVariables.caseNo(execution));
		CaseRecord bundle = this.cases.find(bundleCaseNo).orElseThrow();
		this.runtime.createMessageCorrelation(BundleVariables.MATTER_APPROVED)
			.processInstanceId(bundle.processInstanceId())
			.correlateAll();
	}

	/** Every matter approved (a bundle that stops when one is not). */
	public boolean allApproved(DelegateExecution execution) {
		List<CaseRecord> children = children(execution);
		return !children.isEmpty() && children.stream().allMatch(c -> c.status() == CaseStatus.APPROVED);
	}

	/** Every matter approved or closed without approval, and at least one approved (a bundle that goes on). */
	public boolean allDecided(DelegateExecution execution) {
		List<CaseRecord> children = children(execution);
		return children.stream().anyMatch(c -> c.status() == CaseStatus.APPROVED)
				&& children.stream().allMatch(c -> c.status() == CaseStatus.APPROVED || notGranted(c));
	}

	/** Some matter was denied, withdrawn for missed materials or revoked. */
	public boolean anyNotGranted(DelegateExecution execution) {
		return children(execution).stream().anyMatch(BundleExpressions::notGranted);
	}

	/** Some matter's certificate was released. */
	public boolean anyReleased(DelegateExecution execution) {
		return children(execution).stream().anyMatch(c -> c.status() == CaseStatus.COMPLETED);
	}

	/** 多证齐发: the approved matters' processes go on to their certificates, together. */
	public void release(DelegateExecution execution) {
		List<CaseRecord> approved = children(execution).stream().filter(c -> c.status() == CaseStatus.APPROVED).toList();
		// told first: releasing the last matter may run the bundle on to its end (and its outcome notice)
		tell(execution, "证照统一发放", "RELEASED", "多证齐发：" + names(approved) + " 的证照已一并发放。");
		for (CaseRecord child : approved) {
			this.runtime.setVariable(child.processInstanceId(), BundleVariables.BUNDLE_RELEASED, true);
		}
	}

	/**
	 * Closes every matter still open, whose process the bundle's diagram has just stopped (the
	 * applicant withdrew, or the diagram stops all when one matter is denied).
	 */
	public void closeOpenMatters(DelegateExecution execution, String reason) {
		for (CaseRecord child : children(execution)) {
			if (child.status().open()) {
				this.cases.closedByBundle(child.caseNo(), CaseStatus.WITHDRAWN, reason);
			}
		}
	}

	/** One notice to the applicant: which certificates were released, which matters were not granted and why. */
	public void notifyOutcome(DelegateExecution execution) {
		List<CaseRecord> children = children(execution);
		List<CaseRecord> released = children.stream().filter(c -> c.status() == CaseStatus.COMPLETED).toList();
		List<CaseRecord> denied = children.stream().filter(BundleExpressions::notGranted).toList();
		List<CaseRecord> stopped = denied.stream().filter(closedBy("一件事")).toList();
		List<CaseRecord> refused = denied.stream().filter(closedBy("一件事").negate()).toList();
		StringBuilder text = new StringBuilder("一件事办理结果：");
		if (!released.isEmpty()) {
			text.append("已发放 ").append(names(released)).append("；");
		}
		text.append("未获准 ").append(names(refused));
		if (!stopped.isEmpty()) {
			text.append("；因此一并终止 ").append(names(stopped));
		}
		text.append("。详情见各事项办件。");
		tell(execution, "告知办理结果", "OUTCOME", text.toString());
	}

	private void tell(DelegateExecution execution, String step, String decision, String text) {
		String bundleCaseNo = execution.getProcessBusinessKey();
		this.cases.note(bundleCaseNo, "NOTICE", execution.getCurrentActivityId(), step, null, decision, text);
		this.notifier.send(new Notification(bundleCaseNo, "applicant", "BUNDLE_" + decision, text, EngineClock.now()));
	}

	/** A matter the bundle itself closed (its timeline's last line says so). */
	private Predicate<CaseRecord> closedBy(String marker) {
		return c -> this.cases.timeline(c.caseNo())
			.stream()
			.reduce((first, second) -> second)
			.map(e -> e.stepName().contains(marker))
			.orElse(false);
	}

	private String names(List<CaseRecord> children) {
		return children.stream()
			.map(c -> "「" + this.catalog.matter(c.matterCode()).map(Matter::name).orElse(c.matterCode()) + "」(" + c.caseNo() + ")")
			.reduce((a, b) -> a + "、" + b)
			.orElse("无");
	}

	private List<CaseRecord> children(DelegateExecution execution) {
		return this.cases.children(execution.getProcessBusinessKey());
	}

	private static boolean notGranted(CaseRecord child) {
		return child.status() == CaseStatus.DENIED || child.status() == CaseStatus.WITHDRAWN
				|| child.status() == CaseStatus.REVOKED;
	}

}
