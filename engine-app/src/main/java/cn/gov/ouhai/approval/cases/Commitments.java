package cn.gov.ouhai.approval.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.CaseClocks;

/**
 * What the applicant's commitments lead to, called from the diagrams as {@code ${commitments.…}}:
 * approval on commitment (告知承诺) decided at once, its revocation when the commitment proves false,
 * and the record a missed 容缺 supplement leaves. A false commitment or a missed supplement goes on
 * the applicant's record, which excludes both for later applications.
 */
@Component("commitments")
public class Commitments {

	private final CaseMapper mapper;

	private final ApplicantCredit credit;

	private final CaseClocks clocks;

	Commitments(CaseMapper mapper, ApplicantCredit credit, CaseClocks clocks) {
		this.mapper = mapper;
		this.credit = credit;
		this.clocks = clocks;
	}

	/** 告知承诺: the licence is granted on the written commitment; the limit is met now. */
	@Transactional
	public void approve(DelegateExecution execution) {
		String caseNo = execution.getProcessBusinessKey();
		this.mapper.setStatus(caseNo, CaseStatus.APPROVED);
		this.clocks.stop(caseNo);
		this.mapper.insertEvent(caseNo, new CaseEvent(EngineClock.now(), "STATUS", execution.getCurrentActivityId(),
				"依承诺作出准予许可决定", null, CaseStatus.APPROVED.name(), "告知承诺制：当场准予，事后核查"));
	}

	/** The verification found the commitment false: the licence is revoked and the applicant recorded. */
	@Transactional
	public void revoke(DelegateExecution execution) {
		String caseNo = execution.getProcessBusinessKey();
		CaseRecord record = this.mapper.find(caseNo);
		this.credit.record(record.applicantIdNumber(), "FALSE_COMMITMENT", caseNo, "告知承诺核查不属实，许可已撤销",
				EngineClock.now());
		this.mapper.insertEvent(caseNo, new CaseEvent(EngineClock.now(), "CREDIT", execution.getCurrentActivityId(),
				"记录失信", null, "FALSE_COMMITMENT", "承诺不实，记入申请人信用记录"));
	}

	/** The materials owed under 容缺 never came: the applicant is recorded, the case is terminated. */
	@Transactional
	public void missedSupplement(DelegateExecution execution) {
		String caseNo = execution.getProcessBusinessKey();
		CaseRecord record = this.mapper.find(caseNo);
		this.credit.record(record.applicantIdNumber(), "MISSED_SUPPLEMENT", caseNo, "容缺材料逾期未补齐，退件",
				EngineClock.now());
		this.mapper.insertEvent(caseNo, new CaseEvent(EngineClock.now(), "CREDIT", execution.getCurrentActivityId(),
				"记录失信", null, "MISSED_SUPPLEMENT", "容缺材料逾期未补齐，记入申请人信用记录并退件"));
	}

}
