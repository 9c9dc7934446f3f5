package cn.gov.ouhai.approval.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * Working days as the 2026 State Council notice sets them; expected dates worked out by hand from
 * the notice (RULES.md), not by this code.
 */
@PlatformTest
class WorkdayCalendarIntegrationTests {

	@Autowired
	WorkdayCalendar calendar;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void countsAcrossNationalDayAndItsAdjustedSaturday() {
		// accepted Wed 30 Sep; 1–7 Oct off; Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13
		assertThat(this.calendar.addWorkdays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
		assertThat(this.calendar.due(Instant.parse("2026-09-30T02:00:00Z"), 5))
			.isEqualTo(Instant.parse("2026-10-13T16:00:00Z")); // 24:00 of 13 Oct, Beijing time
		// Sunday 20 Sep is worked, 25–27 Sep (中秋) are not
		assertThat(this.calendar.isWorkday(LocalDate.of(2026, 9, 20))).isTrue();
		assertThat(this.calendar.addWorkdays(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
	}

	@Test
	void countsAcrossTheSpringFestival() {
		// Fri 13 Feb; Sat 14 Feb worked (调休); 15–23 Feb off; Tue 24, Wed 25
		assertThat(this.calendar.addWorkdays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(this.calendar.addWorkdays(LocalDate.of(2026, 2, 13), 3)).isEqualTo(LocalDate.of(2026, 2, 25));
		// Sat 28 Feb is worked too
		assertThat(this.calendar.addWorkdays(LocalDate.of(2026, 2, 27), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(this.calendar.workdaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 25))).isEqualTo(3);
		assertThat(this.calendar.subtractWorkdays(LocalDate.of(2026, 2, 24), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
	}

	@Test
	void countsAYearWithoutItsScheduleProvisionallyAndRefusesOneTooFarAhead() {
		// 2027 has no schedule: its statutory holidays only (1 Jan off) → Tue 29 Dec + 5 = Wed 6 Jan
		assertThat(this.calendar.addWorkdays(LocalDate.of(2026, 12, 29), 5)).isEqualTo(LocalDate.of(2027, 1, 6));
		assertThat(this.calendar.provisional(2027)).isTrue();
		assertThat(this.calendar.provisional(2026)).isFalse();
		int tooFar = cn.gov.ouhai.approval.clock.EngineClock.today().getYear() + 3;
		assertThatThrownBy(() -> this.calendar.addWorkdays(LocalDate.of(tooFar, 1, 5), 1))
			.isInstanceOf(CalendarYearNotLoaded.class)
			.hasMessageContaining(String.valueOf(tooFar));
		Api.Response answer = this.api.get("clerk", "/api/calendar/add?from=" + tooFar + "-01-05&workdays=5");
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("error").asText()).isEqualTo("CALENDAR_YEAR_NOT_LOADED");
		assertThat(this.api.get("clerk", "/api/calendar/" + tooFar).status()).isEqualTo(422);
	}

	@Test
	void answersTheCalendarAndAdditionsOverHttp() {
		var year = this.api.get("clerk", "/api/calendar/2026").json();
		assertThat(year.get("holidays").findValuesAsText("date")).contains("2026-10-01", "2026-02-17");
		assertThat(year.get("workdays").findValuesAsText("date")).containsExactly("2026-01-04", "2026-02-14",
				"2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
		var add = this.api.get("clerk", "/api/calendar/add?from=2026-09-30&workdays=5").json();
		assertThat(add.get("date").asText()).isEqualTo("2026-10-13");
		assertThat(add.get("endsAt").asText()).isEqualTo("2026-10-14T00:00:00+08:00");
	}

	@Test
	void letsOnlyAdministratorsReplaceAYearAndABadBodyChangesNothing() {
		Map<String, Object> year2030 = Map.of("holidays",
				List.of(Map.of("date", "2030-01-01", "name", "元旦"), Map.of("date", "2030-10-01", "name", "国庆节")),
				"workdays", List.of(Map.of("date", "2030-09-29", "name", "国庆节调休")));
		assertThat(this.api.put("clerk", "/api/calendar/2030", year2030).status()).isEqualTo(403);
		assertThat(this.api.put(null, "/api/calendar/2030", year2030).status()).isEqualTo(401);

		List<Map<String, Object>> before2026 = this.jdbc.queryForList("SELECT * FROM calendar_day WHERE year_no = 2026");
		Api.Response bad = this.api.put("admin", "/api/calendar/2026", Map.of("holidays",
				List.of(Map.of("date", "2026-10-01", "name", "国庆节"), Map.of("date", "2027-01-01", "name", "元旦")),
				"workdays", List.of(Map.of("date", "2026-10-01", "name", "重复"))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("fields").has("holidays[1].date")).isTrue();
		assertThat(bad.json().get("fields").has("workdays[0].date")).isTrue();
		assertThat(this.api.put("admin", "/api/calendar/2026", "{\"holidays\": 5}").status()).isEqualTo(400);
		assertThat(this.jdbc.queryForList("SELECT * FROM calendar_day WHERE year_no = 2026")).isEqualTo(before2026);

		Api.Response replaced = this.api.put("admin", "/api/calendar/2030", year2030);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		// Sun 29 Sep 2030 is now worked; Tue 1 Oct is not
		assertThat(this.calendar.addWorkdays(LocalDate.of(2030, 9, 27), 2)).isEqualTo(LocalDate.of(2030, 9, 30));
		assertThat(this.calendar.addWorkdays(LocalDate.of(2030, 9, 27), 3)).isEqualTo(LocalDate.of(2030, 10, 2));
	}

}
