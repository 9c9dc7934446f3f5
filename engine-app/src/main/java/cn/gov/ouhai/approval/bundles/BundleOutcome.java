package cn.gov.ouhai.approval.bundles;

import java.util.List;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.IntakeNotice;

/** What a bundle's intake answers: its case, whether it was new, its one notice and its matters' cases. */
public record BundleOutcome(CaseRecord record, boolean created, IntakeNotice notice, List<String> matterCodes,
		List<CaseRecord> children) {
}
