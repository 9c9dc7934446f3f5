package cn.gov.ouhai.approval.supervision;

import java.time.Instant;

/** A row of {@code case_urge}: a supervisor's order to a department about a case. */
record Urge(long id, String caseNo, String departmentCode, String message, String urgedBy, Instant urgedAt,
		UrgeState state, Instant dueAt, String processInstanceId, String answer, String answeredBy, Instant answeredAt) {
}
