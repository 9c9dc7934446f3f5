package cn.gov.ouhai.approval.review;

import java.time.Instant;

/** A row of {@code case_review}: a review, tied to the case, matter, department, station and staff. */
public record Review(long id, String caseNo, String channel, int score, String reviewComment, boolean bad,
		ReviewState state, String matterCode, String departmentCode, String stationCode, String staff,
		String processInstanceId, Boolean complex, String answer, Integer rectificationScore, String createdBy,
		Instant createdAt, Instant closedAt) {
}
