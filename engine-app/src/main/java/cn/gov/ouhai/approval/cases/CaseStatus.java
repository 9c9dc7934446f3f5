package cn.gov.ouhai.approval.cases;

/** A case's status (API.md). */
public enum CaseStatus {

	ACCEPTED, ACCEPTED_WITH_DEFICIENCY, NOTICE_ISSUED, REFUSED, IN_PROGRESS, SUSPENDED, APPROVED, DENIED, REVOKED,
	WITHDRAWN, COMPLETED;

	/** Statuses in which the case's process still runs. */
	public boolean open() {
		return this == ACCEPTED || this == ACCEPTED_WITH_DEFICIENCY || this == IN_PROGRESS || this == SUSPENDED
				|| this == APPROVED;
	}

}
