package cn.gov.ouhai.approval.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.EngineJobs;

/**
 * The year boundary: 建设工程规划许可证核发 (promised 10 working days; review 5, decision 3) taken in
 * at the end of 2026 while 2027 has no official schedule, then the schedule loaded. Every expected
 * date is worked out by hand below; 24:00 Beijing time is 16:00Z the same day.
 *
 * <pre>
 * provisional 2027 (statutory days only): 1 Jan off (元旦), weekends off
 * the "official" 2027 loaded here (invented for the test): 1 Jan and Mon 4 Jan off, Sat 9 Jan worked (调休)
 *
 * case A, taken in Sun 20 Dec: 21–25, 28–31 Dec are 9 working days
 *   provisional: 10th = Mon 4 Jan            official: 4 Jan off → 10th = Tue 5 Jan
 *   review done Tue 29 Dec → decision (3): 30, 31 Dec, then 4 Jan → 5 Jan
 *     near-due timer (1 working day before): end of 31 Dec in both (unchanged)
 *     overdue timer: end of 4 Jan → 5 Jan;  still-overdue (one more day): 5 Jan → 6 Jan
 *   on Tue 5 Jan 02:00: provisional RED, official YELLOW (its last day)
 * case B, taken in Mon 28 Dec: 29–31 Dec are 3 working days
 *   provisional: 4, 5, 6, 7, 8, 11, 12 Jan → 12 Jan; official: 5, 6, 7, 8, 9 (Sat), 11, 12 → 12 Jan (unchanged)
 *   review (5): provisional 29–31 Dec, 4, 5 → 5 Jan; official 29–31 Dec, 5, 6 → 6 Jan
 *     near-due 4 Jan → 5 Jan; overdue 5 Jan → 6 Jan; still-overdue 6 Jan → 7 Jan
 * case A's licence issued within 10 working days of a decision on Tue 5 Jan (official):
 *   6, 7, 8, 9 (Sat), 11, 12, 13, 14, 15, 18 → Mon 18 Jan
 * </pre>
 */
abstract class ProvisionalYearContract {

	static final String PLANNING = "ZRZY-GHXK-001";

	static final List<String> MATERIALS = List.of("M01", "M02", "M03", "M04");

	static final Map<String, Object> OFFICIAL_2027 = Map.of("holidays",
			List.of(Map.of("date", "2027-01-01", "name", "元旦"), Map.of("date", "2027-01-04", "name", "元旦（调休）")),
			"workdays", List.of(Map.of("date", "2027-01-09", "name", "元旦调休上班")));

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkdayCalendar calendar;

	@Autowired
	ProvisionalCalendarWarning warning;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
	}

	/** Other tests of the same context count 2027 provisionally, as shipped. */
	@AfterEach
	void unload2027() {
		ClockUtil.reset();
		this.jdbc.update("DELETE FROM calendar_day WHERE year_no = 2027");
		this.jdbc.update("DELETE FROM calendar_year WHERE year_no = 2027");
		this.jdbc.update("DELETE FROM calendar_adjustment WHERE year_no = 2027");
		this.calendar.forget();
	}

	@Test
	void takesInAcrossTheYearOnAProvisionalCalendarThenMovesEverythingToTheOfficialOne() {
		CaseSteps.at("2026-12-20T02:00:00Z"); // Sun 20 Dec, 10:00
		String a = accept();
		JsonNode slaA = caseSla(a);
		assertThat(slaA.get("dueDay").asText()).isEqualTo("2027-01-04");
		assertThat(slaA.get("provisional").asBoolean()).isTrue();
		assertThat(this.api.get("clerk", "/cases/" + a + "/notices/acceptance").body()).contains("2027年1月4日", "暂定");

		CaseSteps.at("2026-12-28T02:00:00Z"); // Mon 28 Dec
		String b = accept();
		assertThat(caseSla(b).get("dueDay").asText()).isEqualTo("2027-01-12");
		String pidB = processOf(b);
		assertThat(EngineJobs.timers(this.management, pidB))
			.containsEntry("BoundaryEvent_ReviewNearDue", Instant.parse("2027-01-04T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewOverdue", Instant.parse("2027-01-05T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewStillOverdue", Instant.parse("2027-01-06T16:00:00Z"));

		CaseSteps.at("2026-12-29T02:00:00Z"); // Tue 29 Dec: case A moves on to a step due in 2027
		this.steps.complete("approver-zrzy", a, "APPROVE");
		String pidA = processOf(a);
		assertThat(task(a).get("dueDate").asText()).isEqualTo("2027-01-05T00:00:00+08:00");
		assertThat(task(a).get("provisional").asBoolean()).isTrue();
		assertThat(EngineJobs.timers(this.management, pidA))
			.containsEntry("BoundaryEvent_DecisionNearDue", Instant.parse("2026-12-31T16:00:00Z"))
			.containsEntry("BoundaryEvent_DecisionOverdue", Instant.parse("2027-01-04T16:00:00Z"))
			.containsEntry("BoundaryEvent_DecisionStillOverdue", Instant.parse("2027-01-05T16:00:00Z"));
		CaseSteps.at("2027-01-04T18:00:00Z"); // Tue 5 Jan 02:00, provisionally past due
		assertThat(caseSla(a).get("light").asText()).isEqualTo("RED");

		CaseSteps.at("2026-12-30T02:00:00Z"); // Wed 30 Dec: the schedule is published and loaded
		Api.Response loaded = this.api.put("admin", "/api/calendar/2027", OFFICIAL_2027);
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
		assertThat(loaded.json().get("provisional").asBoolean()).isFalse();
		assertThat(loaded.json().get("moved").get("cases").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(loaded.json().get("moved").get("steps").asInt()).isGreaterThanOrEqualTo(2);

		slaA = caseSla(a);
		assertThat(slaA.get("dueDay").asText()).isEqualTo("2027-01-05");
		assertThat(slaA.get("provisional").asBoolean()).isFalse();
		assertThat(task(a).get("dueDate").asText()).isEqualTo("2027-01-06T00:00:00+08:00");
		assertThat(task(a).get("provisional").asBoolean()).isFalse();
		assertThat(EngineJobs.timers(this.management, pidA))
			.containsEntry("BoundaryEvent_DecisionNearDue", Instant.parse("2026-12-31T16:00:00Z"))
			.containsEntry("BoundaryEvent_DecisionOverdue", Instant.parse("2027-01-05T16:00:00Z"))
			.containsEntry("BoundaryEvent_DecisionStillOverdue", Instant.parse("2027-01-06T16:00:00Z"));
		assertThat(timeline(a, "CALENDAR")).containsExactlyInAnyOrder(
				"期限按正式日历调整：办结期限由 2027-01-04 调整为 2027-01-05（当年放假安排已公布）",
				"期限按正式日历调整：环节期限由 2027-01-04 调整为 2027-01-05（当年放假安排已公布）");

		assertThat(caseSla(b).get("dueDay").asText()).isEqualTo("2027-01-12");
		assertThat(EngineJobs.timers(this.management, pidB))
			.containsEntry("BoundaryEvent_ReviewNearDue", Instant.parse("2027-01-05T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewOverdue", Instant.parse("2027-01-06T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewStillOverdue", Instant.parse("2027-01-07T16:00:00Z"));
		assertThat(timeline(b, "CALENDAR")).containsExactly(
				"期限按正式日历调整：环节期限由 2027-01-05 调整为 2027-01-06（当年放假安排已公布）");

		// loading the same schedule again moves nothing more
		Api.Response again = this.api.put("admin", "/api/calendar/2027", OFFICIAL_2027);
		assertThat(again.json().get("moved").get("cases").asInt()).isZero();
		assertThat(caseSla(a).get("dueDay").asText()).isEqualTo("2027-01-05");
		assertThat(timeline(a, "CALENDAR")).hasSize(2);

		CaseSteps.at("2027-01-04T18:00:00Z"); // Tue 5 Jan 02:00: the last day now, not past due
		assertThat(caseSla(a).get("light").asText()).isEqualTo("YELLOW");
		assertThat(task(a).get("light").asText()).isEqualTo("YELLOW");
		EngineJobs.runDue(this.management, pidA);
		assertThat(this.steps.escalations(a)).containsExactly("YELLOW→head-zrzy");

		this.steps.complete("head-zrzy", a, "APPROVE"); // the licence: 10 working days, Sat 9 Jan counted
		assertThat(task(a).get("dueDate").asText()).isEqualTo("2027-01-19T00:00:00+08:00");
	}

	@Test
	void answersEveryDayOfTheNextTwoYearsAndRefusesTheThird() {
		Api.Response add = this.api.get("clerk", "/api/calendar/add?from=2026-12-20&workdays=20");
		assertThat(add.status()).as(add.toString()).isEqualTo(200);
		// 21–25, 28–31 Dec (9), 4–8 (14), 11–15 (19), 18 Jan (20)
		assertThat(add.json().get("date").asText()).isEqualTo("2027-01-18");
		assertThat(add.json().get("provisional").asBoolean()).isTrue();
		assertThat(this.api.get("clerk", "/api/calendar/add?from=2026-10-08&workdays=3").json().get("provisional")
			.asBoolean()).isFalse();

		JsonNode year = this.api.get("clerk", "/api/calendar/2027").json();
		assertThat(year.get("provisional").asBoolean()).isTrue();
		assertThat(year.get("holidays").findValuesAsText("date")).containsExactly("2027-01-01", "2027-02-05",
				"2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09",
				"2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03");
		assertThat(year.get("workdays")).isEmpty();

		int tooFar = Instant.now().atZone(cn.gov.ouhai.approval.clock.EngineClock.ZONE).getYear() + 3;
		Api.Response refused = this.api.get("clerk", "/api/calendar/" + tooFar);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("error").asText()).isEqualTo("CALENDAR_YEAR_NOT_LOADED");
		assertThat(refused.json().get("message").asText()).contains(String.valueOf(tooFar));
	}

	@Test
	void warnsTheAdministratorsOnceFromNovemberUntilTheYearIsLoaded() {
		CaseSteps.at("2026-10-31T02:00:00Z");
		assertThat(this.warning.yearsToLoad()).isEmpty();
		CaseSteps.at("2026-11-01T02:00:00Z");
		assertThat(this.warning.yearsToLoad()).containsExactly(2027);
		this.warning.notifyAdministrators();
		this.warning.notifyAdministrators();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM notification WHERE kind = 'CALENDAR_PROVISIONAL' AND addressee = 'camunda-admin' "
						+ "AND message LIKE '2027%'", Integer.class)).isEqualTo(1);
		JsonNode health = this.api.get("admin", "/actuator/health").json();
		assertThat(health.at("/components/workdayCalendar/details/provisionalYears").findValuesAsText(""))
			.isNotNull();
		assertThat(health.at("/components/workdayCalendar/details/provisionalYears/0").asInt()).isEqualTo(2027);
		assertThat(this.api.get("supervisor", "/supervision").body()).contains("2027 年的放假安排尚未导入");

		assertThat(this.api.put("admin", "/api/calendar/2027", OFFICIAL_2027).status()).isEqualTo(200);
		assertThat(this.warning.yearsToLoad()).isEmpty();
		assertThat(this.api.get("admin", "/actuator/health").json()
			.at("/components/workdayCalendar/details/provisionalYears")).isEmpty();
		assertThat(this.api.get("supervisor", "/supervision").body()).doesNotContain("放假安排尚未导入");
	}

	private String accept() {
		return this.steps.accept(Applicants.intake("year-" + System.nanoTime(), PLANNING, "OH-CENTRE", MATERIALS, MATERIALS));
	}

	private String processOf(String caseNo) {
		return this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?", String.class,
				caseNo);
	}

	private JsonNode caseSla(String caseNo) {
		return this.steps.caseDetail(caseNo).get("sla");
	}

	/** The case's open step, whichever of the department's approver and head has it. */
	private JsonNode task(String caseNo) {
		try {
			return this.steps.task("approver-zrzy", caseNo);
		}
		catch (AssertionError notTheApprovers) {
			return this.steps.task("head-zrzy", caseNo);
		}
	}

	private List<String> timeline(String caseNo, String kind) {
		return this.steps.timeline(caseNo, kind).stream().map(e -> e.get("opinion").asText()).toList();
	}

}
