package cn.gov.ouhai.approval.cases;

/** What intake answers: the case, whether this call created it, and the notice if any. */
public record IntakeOutcome(CaseRecord record, boolean created, IntakeNotice notice) {
}
