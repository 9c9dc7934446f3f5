package cn.gov.ouhai.approval.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The red/yellow rule on its own, no Spring: a made-up fortnight with a holiday (Fri 1 Jan 2027)
 * and an adjusted Saturday (9 Jan). 24:00 Beijing time is 16:00Z.
 */
class LightTests {

	static final WorkdayCounting CALENDAR = WorkdayCounting.over(year -> Map.of(LocalDate.of(2027, 1, 1),
			DayKind.HOLIDAY, LocalDate.of(2027, 1, 9), DayKind.WORKDAY));

	// due at the end of Mon 11 Jan
	static final Instant DUE = Instant.parse("2027-01-11T16:00:00Z");

	@Test
	void isRedFromTheDueInstantOnAndYellowWithinTheThreshold() {
		assertThat(Light.of(CALENDAR, DUE, DUE, 1)).isEqualTo(Light.RED);
		assertThat(Light.of(CALENDAR, DUE.minusSeconds(1), DUE, 1)).isEqualTo(Light.YELLOW);
		// Sat 9 Jan is worked: on it two working days are left (9 and 11)
		assertThat(Light.of(CALENDAR, Instant.parse("2027-01-09T02:00:00Z"), DUE, 1)).isEqualTo(Light.GREEN);
		assertThat(Light.of(CALENDAR, Instant.parse("2027-01-09T02:00:00Z"), DUE, 2)).isEqualTo(Light.YELLOW);
		// Sun 10 Jan: only Mon 11 is left
		assertThat(Light.of(CALENDAR, Instant.parse("2027-01-10T02:00:00Z"), DUE, 1)).isEqualTo(Light.YELLOW);
		assertThat(Light.of(CALENDAR, Instant.parse("2026-12-30T02:00:00Z"), DUE, 1)).isEqualTo(Light.GREEN);
		assertThat(Light.of(CALENDAR, Instant.parse("2026-12-30T02:00:00Z"), null, 1)).isEqualTo(Light.GREEN);
	}

	@Test
	void turnsYellowAtTheEndOfTheWorkingDayBeforeTheLastOnes() {
		// threshold 1: the end of Sat 9 Jan (worked); threshold 2: the end of Fri 8 Jan
		assertThat(Light.turnsYellowAt(CALENDAR, DUE, 1)).isEqualTo(Instant.parse("2027-01-09T16:00:00Z"));
		assertThat(Light.turnsYellowAt(CALENDAR, DUE, 2)).isEqualTo(Instant.parse("2027-01-08T16:00:00Z"));
		// threshold 5 reaches back over the holiday: 11 ← 9, 8, 7, 6, 5 → the end of Tue 5 Jan
		assertThat(Light.turnsYellowAt(CALENDAR, DUE, 5)).isEqualTo(Instant.parse("2027-01-05T16:00:00Z"));
	}

	@Test
	void theStoredYellowInstantAndTheLightAgreeAtEveryHour() {
		for (int threshold = 1; threshold <= 5; threshold++) {
			Instant yellowAt = Light.turnsYellowAt(CALENDAR, DUE, threshold);
			for (Instant at = Instant.parse("2026-12-28T00:00:00Z"); at.isBefore(DUE.plus(Duration.ofDays(2))); at = at
				.plus(Duration.ofHours(1))) {
				Light expected = !at.isBefore(DUE) ? Light.RED : !at.isBefore(yellowAt) ? Light.YELLOW : Light.GREEN;
				assertThat(Light.of(CALENDAR, at, DUE, threshold)).as("threshold %d at %s", threshold, at)
					.isEqualTo(expected);
			}
		}
	}

}
