package cn.gov.ouhai.approval.supervision;

/** The variables the urge diagram reads besides the case's: the urge and who answers it. */
public final class UrgeVariables {

	public static final String URGE_ID = "urgeId";

	/** The department's heads ({@code head-…}): they answer the urge. */
	public static final String HEAD_GROUP = "headGroup";

	/** The department's approvers ({@code dept-…}). */
	public static final String DEPARTMENT_GROUP = "departmentGroup";

	private UrgeVariables() {
	}

}
