package cn.gov.ouhai.approval.tasks;

/** What an approver decides at a step; which decisions a step allows is set in its diagram. */
enum Decision {

	APPROVE, DENY, RETURN

}
