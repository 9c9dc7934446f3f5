package cn.gov.ouhai.approval.cases;

import java.time.Instant;

/** A row of {@code service_case}. Holds personal data: mask it before it leaves the module. */
public record CaseRecord(String caseNo, String requestId, String matterCode, CaseStatus status,
		ApplicantType applicantType, String applicantName, String applicantIdNumber, String applicantPhone,
		Channel channel, String stationCode, PriorityReason priority, boolean commitment, String processInstanceId,
		Instant receivedAt, String acceptedBy, Instant completedAt, String refusalReason, Handling handling,
		String refersTo) {
}
