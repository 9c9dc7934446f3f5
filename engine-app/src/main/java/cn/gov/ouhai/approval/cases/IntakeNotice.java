package cn.gov.ouhai.approval.cases;

import java.util.List;

import cn.gov.ouhai.approval.catalog.Material;

/**
 * A notice handed to the applicant at intake: the one-time notice (一次性告知书) listing every
 * missing material at once, or the list of tolerated missing materials under 容缺受理.
 */
public record IntakeNotice(String kind, String title, List<Material> missing, String text) {

	static IntakeNotice oneTime(String matterName, List<Material> missing) {
		return new IntakeNotice("ONE_TIME_NOTICE", "一次性告知书", missing,
				"您申请的「" + matterName + "」材料不齐全，请一次性补齐以下 " + missing.size() + " 项材料后重新提交。");
	}

	static IntakeNotice deficiency(String matterName, List<Material> missing) {
		return new IntakeNotice("DEFICIENCY_NOTICE", "容缺受理通知书", missing,
				"您申请的「" + matterName + "」已容缺受理，请按承诺补齐以下 " + missing.size() + " 项材料；补齐前不发放证照。");
	}

}
