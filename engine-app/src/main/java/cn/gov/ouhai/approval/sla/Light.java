package cn.gov.ouhai.approval.sla;

import java.time.Duration;
import java.time.Instant;

/** 红黄灯: past due is red; yellow when the working days left are at most the threshold. */
public enum Light {

	GREEN, YELLOW, RED;

	/** Default yellow threshold: 1 working day or less left (RULES.md); a step may set its own. */
	public static final int DEFAULT_YELLOW_WORKDAYS = 1;

	public static Light of(WorkdayCounting calendar, Instant now, Instant due, int yellowWorkdays) {
		if (due == null) {
			return GREEN;
		}
		if (!now.isBefore(due)) {
			return RED;
		}
		// No holiday run is two weeks long: this far ahead more than the threshold's working days are
		// certainly left, so no counting (which could reach into a year whose holidays are not out yet)
		if (Duration.between(now, due).toDays() > 14 + 7L * yellowWorkdays) {
			return GREEN;
		}
		return calendar.workdaysLeft(now, due) <= yellowWorkdays ? YELLOW : GREEN;
	}

}
