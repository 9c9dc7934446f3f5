package cn.gov.ouhai.approval.review;

/**
 * The variables the rectification diagram reads besides the case's (references and answers only):
 * who rectifies, and what the steps decided.
 */
public final class ReviewVariables {

	public static final String REVIEW_ID = "reviewId";

	/** The department's approvers ({@code dept-…}): they contact the applicant and rectify. */
	public static final String DEPARTMENT_GROUP = "departmentGroup";

	/** The department's heads ({@code head-…}): told when a step turns red. */
	public static final String HEAD_GROUP = "headGroup";

	/** Decided when the applicant is contacted: 15 working days to fix instead of 5. */
	public static final String COMPLEX = "complex";

	/** The applicant's rating of the fix, 1 to 5. */
	public static final String RECTIFICATION_SCORE = "rectificationScore";

	private ReviewVariables() {
	}

}
