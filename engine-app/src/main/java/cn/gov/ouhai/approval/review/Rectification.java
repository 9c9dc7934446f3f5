package cn.gov.ouhai.approval.review;

import java.util.Set;

import cn.gov.ouhai.approval.security.Groups;

/**
 * The names the rectification diagram ({@code Process_ReviewRectification}, 差评整改) and this
 * module share: its steps, message and variables. The variables are references only.
 */
final class Rectification {

	static final String PROCESS_KEY = "Process_ReviewRectification";

	static final String CONTACT = "Task_ContactApplicant";

	static final String REVIEW_APPEAL = "Task_ReviewAppeal";

	static final Set<String> RECTIFY = Set.of("Task_RectifySimple", "Task_RectifyComplex");

	/** The receive task waiting for the applicant's rating of the fix. */
	static final String AWAIT_RATING = "Task_AwaitRating";

	static final String RATED_MESSAGE = "RectificationRated";

	static final String REVIEW_ID = ReviewVariables.REVIEW_ID;

	static final String CASE_NO = "caseNo";

	static final String DEPARTMENT_GROUP = ReviewVariables.DEPARTMENT_GROUP;

	static final String HEAD_GROUP = ReviewVariables.HEAD_GROUP;

	static final String DECISION = "decision";

	static final String OPINION = "opinion";

	static final String COMPLEX = ReviewVariables.COMPLEX;

	static final String RECTIFICATION_SCORE = ReviewVariables.RECTIFICATION_SCORE;

	/** Group that decides appeals (申诉复核): the centre's review office, not the department. */
	static final String REVIEW_OFFICE = Groups.REVIEW_OFFICE;

	private Rectification() {
	}

}
