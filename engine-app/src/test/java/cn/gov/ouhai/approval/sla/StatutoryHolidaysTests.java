package cn.gov.ouhai.approval.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The provisional holidays of a year from the 2024 rule. Expected dates from the published lunar
 * calendar (2027: 春节 Sat 6 Feb, 清明 Mon 5 Apr, 端午 Wed 9 Jun, 中秋 Wed 15 Sep), and against the
 * State Council's own schedules of 2025 and 2026 (RULES.md), which contain every statutory day.
 */
class StatutoryHolidaysTests {

	@Test
	void countsTheStatutoryDaysOf2027() {
		assertThat(dates(2027)).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 5),
				LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 4, 5),
				LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2), LocalDate.of(2027, 6, 9), LocalDate.of(2027, 9, 15),
				LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3));
		assertThat(StatutoryHolidays.of(2027)).allSatisfy(day -> {
			assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY);
			assertThat(day.name()).endsWith("（暂定）");
		});
	}

	@Test
	void everyStatutoryDayIsOffInThePublishedSchedules() {
		// 2025: 1/1; 1/28–2/4; 4/4–4/6; 5/1–5/5; 5/31–6/2; 10/1–10/8
		assertThat(dates(2025)).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 28),
				LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 4, 4),
				LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 31), LocalDate.of(2025, 10, 1),
				LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 6));
		// 2026: 1/1–1/3; 2/15–2/23; 4/4–4/6; 5/1–5/5; 6/19–6/21; 9/25–9/27; 10/1–10/7
		assertThat(dates(2026)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 16),
				LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 4, 5),
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 9, 25),
				LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3));
	}

	@Test
	void keepsMidAutumnAndNationalDayApartWhenTheyMeet() {
		// 2028: 中秋 falls on Tue 3 Oct, a day of 国庆 already: the day is listed once, under 中秋节
		List<CalendarDay> october = StatutoryHolidays.of(2028).stream().filter(d -> d.date().getMonthValue() == 10).toList();
		assertThat(october).extracting(CalendarDay::date)
			.containsExactly(LocalDate.of(2028, 10, 1), LocalDate.of(2028, 10, 2), LocalDate.of(2028, 10, 3));
		assertThat(october.get(2).name()).startsWith("中秋节");
	}

	private static List<LocalDate> dates(int year) {
		return StatutoryHolidays.of(year).stream().map(CalendarDay::date).toList();
	}

}
