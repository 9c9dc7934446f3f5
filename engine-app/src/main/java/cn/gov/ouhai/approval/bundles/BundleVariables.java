package cn.gov.ouhai.approval.bundles;

/** The variables a bundle gives each matter's process besides the matter's own: references only. */
final class BundleVariables {

	/** The bundle case a matter's process belongs to; absent for a matter applied for alone. */
	static final String BUNDLE_CASE_NO = "bundleCaseNo";

	/** False until the bundle releases every certificate together (多证齐发). */
	static final String BUNDLE_RELEASED = "bundleReleased";

	/** The multi-instance element variable of the bundle's call activity: one matter's case number. */
	static final String CHILD_CASE_NO = "childCaseNo";

	static final String MATTER_APPROVED = "BundleMatterApproved";

	static final String MATTER_CLOSED = "BundleMatterClosed";

	static final String WITHDRAWN = "BundleWithdrawn";

	private BundleVariables() {
	}

}
