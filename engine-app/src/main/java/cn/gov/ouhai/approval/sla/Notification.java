package cn.gov.ouhai.approval.sla;

import java.time.Instant;

/** A message to a group or user about a case: a yellow warning, an escalation, an urge. */
public record Notification(String caseNo, String addressee, String kind, String message, Instant createdAt) {
}
