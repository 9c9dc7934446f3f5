package cn.gov.ouhai.approval.bundles;

import cn.gov.ouhai.approval.cases.CaseVariables;

/** The variables a bundle gives each matter's process besides the matter's own: references only. */
final class BundleVariables {

	static final String BUNDLE_CASE_NO = CaseVariables.BUNDLE_CASE_NO;

	static final String BUNDLE_RELEASED = CaseVariables.BUNDLE_RELEASED;

	/** The multi-instance element variable of the bundle's call activity: one matter's case number. */
	static final String CHILD_CASE_NO = "childCaseNo";

	static final String MATTER_APPROVED = "BundleMatterApproved";

	static final String MATTER_CLOSED = "BundleMatterClosed";

	static final String WITHDRAWN = "BundleWithdrawn";

	private BundleVariables() {
	}

}
