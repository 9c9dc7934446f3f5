package cn.gov.ouhai.approval.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Working-day arithmetic on its own, no Spring: a made-up year with one holiday and one adjusted
 * Saturday, and the recount of deadlines from a provisional calendar to an official one. 24:00
 * Beijing time is 16:00Z.
 */
class WorkdayCountingTests {

	// January 2027: Fri 1 off in both; the official one also gives Mon 4 off and works Sat 9
	static final WorkdayCounting PROVISIONAL = WorkdayCounting
		.over(year -> Map.of(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY));

	static final WorkdayCounting OFFICIAL = WorkdayCounting.over(year -> Map.of(LocalDate.of(2027, 1, 1),
			DayKind.HOLIDAY, LocalDate.of(2027, 1, 4), DayKind.HOLIDAY, LocalDate.of(2027, 1, 9), DayKind.WORKDAY));

	static final LocalDate NEW_YEARS_EVE = LocalDate.of(2026, 12, 31);

	@Test
	void countsFromTheDayAfterAndSkipsWeekendsAndHolidays() {
		// Thu 31 Dec → Mon 4 Jan (1 Jan off, 2–3 weekend)
		assertThat(PROVISIONAL.addWorkdays(NEW_YEARS_EVE, 1)).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(OFFICIAL.addWorkdays(NEW_YEARS_EVE, 1)).isEqualTo(LocalDate.of(2027, 1, 5));
		// 5, 6, 7, 8, then Sat 9 worked
		assertThat(OFFICIAL.addWorkdays(NEW_YEARS_EVE, 5)).isEqualTo(LocalDate.of(2027, 1, 9));
		assertThat(PROVISIONAL.addWorkdays(NEW_YEARS_EVE, 5)).isEqualTo(LocalDate.of(2027, 1, 8));
		assertThat(OFFICIAL.workdaysBetween(NEW_YEARS_EVE, LocalDate.of(2027, 1, 11))).isEqualTo(6);
		assertThat(OFFICIAL.subtractWorkdays(LocalDate.of(2027, 1, 5), 1)).isEqualTo(NEW_YEARS_EVE);
		assertThat(OFFICIAL.addWorkdays(NEW_YEARS_EVE, 0)).isEqualTo(NEW_YEARS_EVE);
	}

	@Test
	void endsALimitAtMidnightBeijingTimeAndCountsTheDaysLeft() {
		Instant due = OFFICIAL.due(Instant.parse("2026-12-30T02:00:00Z"), 2); // Wed 30 Dec + 2 → Tue 5 Jan
		assertThat(due).isEqualTo(Instant.parse("2027-01-05T16:00:00Z"));
		assertThat(WorkdayCounting.lastDayOf(due)).isEqualTo(LocalDate.of(2027, 1, 5));
		// on Mon 4 Jan (off) one working day is left; on Tue 5 Jan too (it counts itself); past it, overdue
		assertThat(OFFICIAL.workdaysLeft(Instant.parse("2027-01-04T02:00:00Z"), due)).isEqualTo(1);
		assertThat(OFFICIAL.workdaysLeft(Instant.parse("2027-01-05T02:00:00Z"), due)).isEqualTo(1);
		assertThat(OFFICIAL.workdaysLeft(Instant.parse("2027-01-05T17:00:00Z"), due)).isEqualTo(-1);
		assertThat(Light.of(OFFICIAL, Instant.parse("2027-01-05T02:00:00Z"), due, 1)).isEqualTo(Light.YELLOW);
		assertThat(Light.of(OFFICIAL, Instant.parse("2026-12-30T02:00:00Z"), due, 1)).isEqualTo(Light.GREEN);
		assertThat(Light.of(OFFICIAL, Instant.parse("2027-01-05T16:00:00Z"), due, 1)).isEqualTo(Light.RED);
	}

	@Test
	void shiftsADeadlineByPausedWorkdaysKeepingItsTimeOfDay() {
		assertThat(OFFICIAL.shift(Instant.parse("2026-12-31T16:00:00Z"), 1)).isEqualTo(Instant.parse("2027-01-05T16:00:00Z"));
		// 10:00 Thu 31 Dec + 2 working days → 10:00 Wed 6 Jan
		assertThat(OFFICIAL.shift(Instant.parse("2026-12-31T02:00:00Z"), 2)).isEqualTo(Instant.parse("2027-01-06T02:00:00Z"));
	}

	@Test
	void recountsADeadlineOnTheOfficialCalendarByItsWorkingDaysAfterTheAnchor() {
		// provisional end of Mon 4 Jan is the 1st working day after 31 Dec: officially Tue 5 Jan
		assertThat(OFFICIAL.recount(Instant.parse("2027-01-04T16:00:00Z"), PROVISIONAL, NEW_YEARS_EVE))
			.isEqualTo(Instant.parse("2027-01-05T16:00:00Z"));
		// provisional Mon 11 Jan is the 6th: officially 5, 6, 7, 8, 9 (Sat), 11 → Mon 11 Jan, unchanged
		assertThat(OFFICIAL.recount(Instant.parse("2027-01-11T16:00:00Z"), PROVISIONAL, NEW_YEARS_EVE))
			.isEqualTo(Instant.parse("2027-01-11T16:00:00Z"));
		// a deadline up to the anchor's end does not move
		assertThat(OFFICIAL.recount(Instant.parse("2026-12-31T16:00:00Z"), PROVISIONAL, NEW_YEARS_EVE))
			.isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
		// a deadline made within the year counts from the day it was made (Tue 5 Jan + 1 → Wed 6 Jan in both)
		assertThat(OFFICIAL.recount(Instant.parse("2027-01-06T16:00:00Z"), PROVISIONAL, LocalDate.of(2027, 1, 5)))
			.isEqualTo(Instant.parse("2027-01-06T16:00:00Z"));
		// a time of day is kept: 10:00 on provisional Tue 5 Jan (2nd) → 10:00 Wed 6 Jan
		assertThat(OFFICIAL.recount(Instant.parse("2027-01-05T02:00:00Z"), PROVISIONAL, NEW_YEARS_EVE))
			.isEqualTo(Instant.parse("2027-01-06T02:00:00Z"));
	}

}
