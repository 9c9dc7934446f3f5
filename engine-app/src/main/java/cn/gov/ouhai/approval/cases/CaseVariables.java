package cn.gov.ouhai.approval.cases;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The only variables a case puts into its process: references, never personal data (the engine's
 * history copies every variable).
 */
public final class CaseVariables {

	public static final String CASE_NO = "caseNo";

	public static final String MATTER_CODE = "matterCode";

	/** Who works the routed step: {@code window} (受办合一) or the department's approvers (受办分离). */
	public static final String HANDLING_GROUP = "handlingGroup";

	/** 绿色通道: the case's tasks get a higher priority and come first in lists. */
	public static final String GREEN_CHANNEL = "greenChannel";

	/** 告知承诺: decided at once on the applicant's written commitment, verified afterwards. */
	public static final String APPROVAL_ON_COMMITMENT = "approvalOnCommitment";

	/** False while materials owed under 容缺受理 are missing; the licence waits for it to turn true. */
	public static final String DEFICIENCY_CLEARED = "deficiencyCleared";

	/** 一件事: the bundle case a matter's process belongs to; absent for a matter applied for alone. */
	public static final String BUNDLE_CASE_NO = "bundleCaseNo";

	/** 一件事: false until the bundle releases every certificate together (多证齐发). */
	public static final String BUNDLE_RELEASED = "bundleReleased";

	/** Set by each step's form or {@code /complete}: APPROVE, DENY or RETURN. */
	public static final String DECISION = "decision";

	public static final String OPINION = "opinion";

	private CaseVariables() {
	}

	static Map<String, Object> of(String caseNo, String matterCode) {
		return Map.of(CASE_NO, caseNo, MATTER_CODE, matterCode);
	}

	public static String caseNo(VariableScope scope) {
		return (String) scope.getVariable(CASE_NO);
	}

}
