package cn.gov.ouhai.approval.cases;

import java.time.OffsetDateTime;

/** 已办: a step a person completed, with the decision and opinion, and the case's status now. */
public record StepDone(String caseNo, String matterCode, String matterName, String stepId, String step,
		String decision, String opinion, OffsetDateTime completedAt, CaseStatus caseStatus) {
}
