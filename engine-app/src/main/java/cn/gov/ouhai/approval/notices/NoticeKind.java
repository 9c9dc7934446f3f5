package cn.gov.ouhai.approval.notices;

import java.util.Arrays;
import java.util.Optional;

import cn.gov.ouhai.approval.cases.IntakeNotice;

/** The notices an applicant can get at intake, as they appear in the page's path. */
enum NoticeKind {

	/** 受理通知书: accepted, with the promised limit and the due day. */
	ACCEPTANCE("acceptance", "ACCEPTANCE_NOTICE"),

	/** 容缺受理通知书: accepted while secondary materials are still missing. */
	DEFICIENCY("deficiency", "DEFICIENCY_NOTICE"),

	/** 一次性告知书: every missing material at once. */
	ONE_TIME("one-time", "ONE_TIME_NOTICE"),

	/** 不予受理通知书: refused, with the reason. */
	REFUSAL("refusal", "REFUSAL_NOTICE");

	private final String path;

	private final String noticeKind;

	NoticeKind(String path, String noticeKind) {
		this.path = path;
		this.noticeKind = noticeKind;
	}

	String path() {
		return this.path;
	}

	static Optional<NoticeKind> ofPath(String path) {
		return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
	}

	static Optional<NoticeKind> of(IntakeNotice notice) {
		return notice == null ? Optional.empty()
				: Arrays.stream(values()).filter(k -> k.noticeKind.equals(notice.kind())).findFirst();
	}

}
