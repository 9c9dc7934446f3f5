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

	static IntakeNotice acceptance(String matterName, int promisedWorkdays, java.time.LocalDate dueDay) {
		return new IntakeNotice("ACCEPTANCE_NOTICE", "受理通知书", List.of(), "您申请的「" + matterName + "」材料齐全，已予受理。承诺 "
				+ promisedWorkdays + " 个工作日内办结，最迟于 " + dueDay + " 办结（法定不计时间除外）。");
	}

	static IntakeNotice refusal(String matterName, String reason) {
		return new IntakeNotice("REFUSAL_NOTICE", "不予受理通知书", List.of(),
				"您申请的「" + matterName + "」不予受理。理由：" + reason);
	}

	static IntakeNotice deficiency(String matterName, List<Material> missing) {
		return new IntakeNotice("DEFICIENCY_NOTICE", "容缺受理通知书", missing,
				"您申请的「" + matterName + "」已容缺受理，请按承诺补齐以下 " + missing.size() + " 项材料；补齐前不发放证照。");
	}

}
