package cn.gov.ouhai.approval.sla;

/** Special procedures whose time is not counted (行政许可法 Art. 45, and site checks in practice). */
public enum SpecialProcedure {

	HEARING("听证"), INSPECTION("检验"), TESTING("检测"), EXPERT_REVIEW("专家评审"), SITE_CHECK("现场核查");

	/** Extension property on a step listing the special procedures it may start. */
	public static final String ALLOWED_PROPERTY = "sla.specialProcedures";

	private final String label;

	SpecialProcedure(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
