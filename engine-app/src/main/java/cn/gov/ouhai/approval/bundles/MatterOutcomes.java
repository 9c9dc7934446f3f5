package cn.gov.ouhai.approval.bundles;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.cases.CaseFinished;
import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.Cases;

/**
 * A matter of a bundle ended without its certificate (denied, 退件, revoked): its bundle hears it in
 * the same transaction (message {@code BundleMatterClosed}), so a bundle that goes on without it can
 * release the others at once. A bundle whose diagram has no such event ignores it.
 */
@Component
class MatterOutcomes {

	private final Cases cases;

	private final RuntimeService runtime;

	MatterOutcomes(Cases cases, RuntimeService runtime) {
		this.cases = cases;
		this.runtime = runtime;
	}

	@EventListener
	void on(CaseFinished finished) {
		if (finished.status() == CaseStatus.COMPLETED) {
			return;
		}
		this.cases.bundleOf(finished.caseNo())
			.flatMap(this.cases::find)
			.filter(bundle -> bundle.status().open() && bundle.processInstanceId() != null)
			.ifPresent(bundle -> this.runtime.createMessageCorrelation(BundleVariables.MATTER_CLOSED)
				.processInstanceId(bundle.processInstanceId())
				.correlateAll());
	}

}
