package cn.gov.ouhai.approval.cases;

import java.time.Instant;

/** One line of a case's timeline: intake, a completed step, or a change of status. */
public record CaseEvent(Instant occurredAt, String kind, String stepId, String stepName, String actor,
		String decision, String opinion) {
}
