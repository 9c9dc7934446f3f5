package cn.gov.ouhai.approval.review;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the review endpoints answer. */
final class ReviewViews {

	private ReviewViews() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReviewView(long id, String caseNo, String matterCode, String matterName, String department,
			String departmentName, String station, String staff, String channel, int score, String level,
			String comment, boolean bad, String state, String stateLabel, Boolean complex, String answer,
			Integer rectificationScore, OffsetDateTime createdAt, OffsetDateTime closedAt, StepView step) {
	}

	/** The rectification's open step, its limit and light (as for a case's steps). */
	record StepView(String id, String stepId, String name, String assignee, OffsetDateTime dueDate, int workdaysLeft,
			String light) {
	}

	record Page<T>(List<T> items, long total, int page, int size) {
	}

}
