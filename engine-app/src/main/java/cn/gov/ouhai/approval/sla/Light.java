package cn.gov.ouhai.approval.sla;

import java.time.Instant;

/** 红黄灯: past due is red; yellow when the working days left are at most the threshold. */
public enum Light {

	GREEN, YELLOW, RED;

	/** Default yellow threshold: 1 working day or less left (RULES.md); a step may set its own. */
	public static final int DEFAULT_YELLOW_WORKDAYS = 1;

	public static Light of(WorkdayCalendar calendar, Instant now, Instant due, int yellowWorkdays) {
		if (due == null) {
			return GREEN;
		}
		if (!now.isBefore(due)) {
			return RED;
		}
		return calendar.workdaysLeft(now, due) <= yellowWorkdays ? YELLOW : GREEN;
	}

}
