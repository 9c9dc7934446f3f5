package cn.gov.ouhai.approval.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * 红黄灯, the one rule: past due is red; yellow when the working days left are at most the
 * threshold; green otherwise. Everything that shows or stores a light (a case clock's
 * {@code yellow_at}, a step's yellow timer, the task list, the reviews, the dashboard) asks here.
 */
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
		// certainly left, so no counting (which could reach into a year too far ahead to count)
		if (Duration.between(now, due).toDays() > 14 + 7L * yellowWorkdays) {
			return GREEN;
		}
		return calendar.workdaysLeft(now, due) <= yellowWorkdays ? YELLOW : GREEN;
	}

	/**
	 * When the light of a limit ending at {@code due} turns yellow: at the end of the working day
	 * {@code yellowWorkdays} before its last one (kept with a case clock for queries; a step's
	 * 即将到期 timer).
	 */
	public static Instant turnsYellowAt(WorkdayCounting calendar, Instant due, int yellowWorkdays) {
		return WorkdayCounting.endOf(calendar.subtractWorkdays(WorkdayCounting.lastDayOf(due), yellowWorkdays));
	}

}
