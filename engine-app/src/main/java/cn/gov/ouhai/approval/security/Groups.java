package cn.gov.ouhai.approval.security;

/** The groups the platform knows besides one approver and one head group per department. */
public final class Groups {

	/** 综合窗口: window clerks, who take any matter. */
	public static final String WINDOW = "window";

	/** 督查: the centre's supervisors. */
	public static final String SUPERVISOR = "supervisor";

	/** 好差评复核: the centre's review office, which decides appeals against bad reviews (申诉复核). */
	public static final String REVIEW_OFFICE = "review-office";

	/** Business analysts, who deploy models. */
	public static final String ANALYST = "analyst";

	/**
	 * 运行监控: the account a metrics scraper (Prometheus) logs in with, which may read
	 * {@code /actuator/prometheus} and nothing of the cases.
	 */
	public static final String MONITORING = "monitoring";

	/** Camunda's administrators. */
	public static final String ADMIN = "camunda-admin";

	private Groups() {
	}

}
