package cn.gov.ouhai.approval.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.EngineJobs;
import cn.gov.ouhai.approval.Applicants;

/**
 * Time limits of 食品经营许可 (promised 5 working days; review 2, decision 2) with the engine clock
 * moved through the 2026 Mid-Autumn and National Day holidays. Expected instants are worked out by
 * hand from the State Council's 2026 notice; 24:00 Beijing time is 16:00Z. Subclasses pick the
 * database.
 */
abstract class FoodLicenceTimeLimitContract {

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void showsTheDueDateOfACaseAcceptedBeforeNationalDay() {
		at("2026-09-30T02:00:00Z"); // Wed 30 Sep, 10:00
		JsonNode intake = accept();
		// 8, 9, 10 (调休), 12, 13 Oct: due at 24:00 of Tue 13 Oct
		assertThat(intake.get("dueDay").asText()).isEqualTo("2026-10-13");
		assertThat(intake.get("dueDate").asText()).isEqualTo("2026-10-14T00:00:00+08:00");
		JsonNode sla = this.api.get("clerk", "/api/cases/" + intake.get("caseNo").asText()).json().get("sla");
		assertThat(sla.get("light").asText()).isEqualTo("GREEN");
		assertThat(sla.get("workdaysLeft").asInt()).isEqualTo(6); // today counts, then 8, 9, 10, 12, 13

		String caseNo = intake.get("caseNo").asText();
		assertThat(casesWithLight("GREEN")).contains(caseNo);
		at("2026-10-12T18:00:00Z"); // Tue 13 Oct, 02:00: the last working day
		assertThat(casesWithLight("YELLOW")).contains(caseNo);
		assertThat(casesWithLight("GREEN")).doesNotContain(caseNo);
		at("2026-10-13T17:00:00Z"); // Wed 14 Oct, 01:00: past due
		assertThat(casesWithLight("RED")).contains(caseNo);
		assertThat(caseSla(caseNo).get("workdaysLeft").asInt()).isEqualTo(-1);
	}

	private List<String> casesWithLight(String light) {
		return this.api.get("supervisor", "/api/cases?size=200&from=2026-09-30&to=2026-09-30&light=" + light).json().get("items").findValuesAsText("caseNo");
	}

	@Test
	void warnsThenEscalatesAnOverdueStepToTheHeadThenToSupervisors() {
		at("2026-09-30T02:00:00Z");
		String caseNo = accept().get("caseNo").asText();
		String pid = processOf(caseNo);
		// review: 2 working days → due 24:00 Fri 9 Oct; yellow from 24:00 Thu 8 Oct; one more day: 24:00 Sat 10 Oct
		assertThat(EngineJobs.timers(this.management, pid)).containsEntry("BoundaryEvent_ReviewNearDue", Instant.parse("2026-10-08T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewOverdue", Instant.parse("2026-10-09T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewStillOverdue", Instant.parse("2026-10-10T16:00:00Z"));
		assertThat(task(caseNo).get("dueDate").asText()).isEqualTo("2026-10-10T00:00:00+08:00");
		assertThat(task(caseNo).get("light").asText()).isEqualTo("GREEN");

		at("2026-10-08T18:00:00Z"); // Fri 9 Oct, 02:00
		EngineJobs.runDue(this.management, pid);
		assertThat(task(caseNo).get("light").asText()).isEqualTo("YELLOW");
		assertThat(escalations(caseNo)).containsExactly("YELLOW→dept-scjg");

		at("2026-10-09T18:00:00Z"); // Sat 10 Oct (worked), 02:00: the review is overdue
		EngineJobs.runDue(this.management, pid);
		assertThat(task(caseNo).get("light").asText()).isEqualTo("RED");
		assertThat(escalations(caseNo)).containsExactly("YELLOW→dept-scjg", "RED→head-scjg");
		// the step is red while the case as a whole is still in time
		assertThat(this.api.get("supervisor", "/api/cases/" + caseNo).json().get("sla").get("light").asText())
			.isEqualTo("GREEN");

		at("2026-10-10T18:00:00Z"); // Sun 11 Oct: still red one working day later
		EngineJobs.runDue(this.management, pid);
		assertThat(escalations(caseNo)).containsExactly("YELLOW→dept-scjg", "RED→head-scjg",
				"RED_ESCALATED→supervisor");
		assertThat(this.jdbc.queryForList("SELECT addressee FROM notification WHERE case_no = ? ORDER BY id",
				String.class, caseNo)).containsExactly("dept-scjg", "head-scjg", "supervisor");
		assertThat(EngineJobs.timers(this.management, pid)).isEmpty();

		// completing the step removes its timers: nothing more fires for it
		complete("approver-scjg", caseNo, "APPROVE");
		assertThat(EngineJobs.timers(this.management, pid)).containsOnlyKeys("BoundaryEvent_DecisionNearDue", "BoundaryEvent_DecisionOverdue",
				"BoundaryEvent_DecisionStillOverdue");
	}

	@Test
	void movesTheDueDateAndHeldTimersByTheWorkdaysASpecialProcedureTook() {
		at("2026-09-24T02:00:00Z"); // Thu 24 Sep, 10:00; 25–27 Sep and 1–7 Oct are holidays
		String caseNo = accept().get("caseNo").asText();
		String pid = processOf(caseNo);
		// case: 28, 29, 30 Sep, 8, 9 Oct → 24:00 Fri 9 Oct; review: 28, 29 Sep → 24:00 Tue 29 Sep
		assertThat(caseSla(caseNo).get("dueDay").asText()).isEqualTo("2026-10-09");
		assertThat(EngineJobs.timers(this.management, pid)).containsEntry("BoundaryEvent_ReviewOverdue", Instant.parse("2026-09-29T16:00:00Z"));

		String taskId = task(caseNo).get("id").asText();
		Api.Response started = this.api.post("approver-scjg", "/api/tasks/" + taskId + "/special-procedure",
				Map.of("kind", "SITE_CHECK", "maxWorkdays", 10));
		assertThat(started.status()).as(started.toString()).isEqualTo(204);
		assertThat(caseSla(caseNo).get("paused").asBoolean()).isTrue();
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isEqualTo("SUSPENDED");
		// while the clock stands still nothing fires, however late it gets
		at("2026-10-07T02:00:00Z");
		assertThat(EngineJobs.runDue(this.management, pid)).isZero();
		assertThat(task(caseNo).get("light").asText()).as("the step's light stands still with the clock")
			.isEqualTo("GREEN");
		assertThat(escalations(caseNo)).isEmpty();
		// and the step cannot be completed before the procedure ends
		assertThat(this.api.post("approver-scjg", "/api/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE"))
			.status()).isEqualTo(409);

		at("2026-10-08T02:00:00Z"); // Thu 8 Oct: the site check is done
		assertThat(this.api.post("approver-scjg", "/api/cases/" + caseNo + "/special-procedure/end", "").status())
			.isEqualTo(204);
		// paused working days in (24 Sep, 8 Oct]: 28, 29, 30 Sep and 8 Oct = 4
		JsonNode sla = caseSla(caseNo);
		assertThat(sla.get("pausedWorkdays").asInt()).isEqualTo(4);
		assertThat(sla.get("paused").asBoolean()).isFalse();
		// case: 9 Oct + 4 working days = 10 (调休), 12, 13, 14 Oct
		assertThat(sla.get("dueDay").asText()).isEqualTo("2026-10-14");
		// review timers, each 4 working days later: yellow 28 Sep → 9 Oct, due 29 Sep → 10 Oct, +1 30 Sep → 12 Oct
		assertThat(EngineJobs.timers(this.management, pid)).containsEntry("BoundaryEvent_ReviewNearDue", Instant.parse("2026-10-09T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewOverdue", Instant.parse("2026-10-10T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReviewStillOverdue", Instant.parse("2026-10-12T16:00:00Z"));
		assertThat(task(caseNo).get("dueDate").asText()).isEqualTo("2026-10-11T00:00:00+08:00");
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isEqualTo("IN_PROGRESS");

		// a second pause adds up: 12 → 13 Oct is one more working day
		at("2026-10-12T02:00:00Z");
		this.api.post("approver-scjg", "/api/tasks/" + taskId + "/special-procedure",
				Map.of("kind", "EXPERT_REVIEW", "maxWorkdays", 3));
		at("2026-10-13T02:00:00Z");
		this.api.post("approver-scjg", "/api/cases/" + caseNo + "/special-procedure/end", "");
		assertThat(caseSla(caseNo).get("pausedWorkdays").asInt()).isEqualTo(5);
		assertThat(caseSla(caseNo).get("dueDay").asText()).isEqualTo("2026-10-15");
		assertThat(timeline(caseNo, "PAUSE")).hasSize(2);
		assertThat(timeline(caseNo, "RESUME")).hasSize(2);
	}

	@Test
	void pausesTheClockForASupplementAcrossTheHolidayAndResumesWhenItArrives() {
		at("2026-09-24T02:00:00Z");
		String caseNo = accept().get("caseNo").asText();
		String pid = processOf(caseNo);
		String taskId = task(caseNo).get("id").asText();
		Api.Response asked = this.api.post("approver-scjg", "/api/tasks/" + taskId + "/request-supplement",
				Map.of("materials", List.of("M03", "M05"), "workdays", 10, "opinion", "布局图不清晰"));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(204);
		JsonNode detail = this.api.get("clerk", "/api/cases/" + caseNo).json();
		assertThat(detail.get("status").asText()).isEqualTo("SUSPENDED");
		assertThat(detail.get("sla").get("pauseKind").asText()).isEqualTo("SUPPLEMENT");
		assertThat(this.tasks.createTaskQuery().processInstanceId(pid).count()).isZero();
		// the supplement deadline runs while the case clock stands still: 10 working days from 24 Sep
		assertThat(EngineJobs.timers(this.management, pid)).containsOnlyKeys("BoundaryEvent_SupplementOverdue");

		at("2026-10-08T02:00:00Z");
		Api.Response partial = this.api.post("clerk", "/api/cases/" + caseNo + "/supplements",
				Map.of("materials", List.of("M03")));
		assertThat(partial.json().get("stillMissing").findValuesAsText("")).isEmpty();
		assertThat(partial.json().get("stillMissing").get(0).asText()).isEqualTo("M05");
		assertThat(caseSla(caseNo).get("paused").asBoolean()).isTrue();
		Api.Response complete = this.api.post("clerk", "/api/cases/" + caseNo + "/supplements",
				Map.of("materials", List.of("M05")));
		assertThat(complete.json().get("stillMissing")).isEmpty();

		JsonNode sla = caseSla(caseNo);
		assertThat(sla.get("paused").asBoolean()).isFalse();
		assertThat(sla.get("pausedWorkdays").asInt()).isEqualTo(4);
		assertThat(sla.get("dueDay").asText()).isEqualTo("2026-10-14");
		// the review starts again with its own 2 working days: 9, 10 Oct
		assertThat(task(caseNo).get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
		assertThat(task(caseNo).get("dueDate").asText()).isEqualTo("2026-10-11T00:00:00+08:00");
		assertThat(timeline(caseNo, "SUPPLEMENT_REQUESTED").get(0).get("opinion").asText()).contains("布局图不清晰");
	}

	@Test
	void returnsTheApplicationWhenTheSupplementDeadlinePasses() {
		at("2026-11-02T02:00:00Z"); // Mon 2 Nov
		String caseNo = accept().get("caseNo").asText();
		String pid = processOf(caseNo);
		this.api.post("approver-scjg", "/api/tasks/" + task(caseNo).get("id").asText() + "/request-supplement",
				Map.of("materials", List.of("M02")));
		// default 5 working days: 3, 4, 5, 6, 9 Nov → 24:00 Mon 9 Nov
		assertThat(EngineJobs.timers(this.management, pid)).containsEntry("BoundaryEvent_SupplementOverdue", Instant.parse("2026-11-09T16:00:00Z"));
		at("2026-11-09T17:00:00Z");
		assertThat(EngineJobs.runDue(this.management, pid)).isEqualTo(1);
		JsonNode detail = this.api.get("clerk", "/api/cases/" + caseNo).json();
		assertThat(detail.get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(detail.get("sla").get("paused").asBoolean()).isFalse();
	}

	private JsonNode accept() {
		Api.Response response = this.api.post("clerk", "/api/cases", Applicants.foodLicence("sla-" + System.nanoTime()));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private String processOf(String caseNo) {
		return this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?", String.class,
				caseNo);
	}

	private JsonNode caseSla(String caseNo) {
		return this.api.get("clerk", "/api/cases/" + caseNo).json().get("sla");
	}

	private JsonNode task(String caseNo) {
		for (String user : List.of("approver-scjg", "head-scjg")) {
			for (JsonNode task : this.api.get(user, "/api/tasks").json()) {
				if (caseNo.equals(task.get("caseNo").asText())) {
					return task;
				}
			}
		}
		throw new AssertionError("no open task of " + caseNo);
	}

	private void complete(String user, String caseNo, String decision) {
		Api.Response done = this.api.post(user, "/api/tasks/" + task(caseNo).get("id").asText() + "/complete",
				Map.of("decision", decision));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
	}

	private List<String> escalations(String caseNo) {
		return timeline(caseNo, "ESCALATION").stream()
			.map(e -> e.get("decision").asText() + "→" + e.get("actor").asText())
			.toList();
	}

	private List<JsonNode> timeline(String caseNo, String kind) {
		List<JsonNode> entries = new java.util.ArrayList<>();
		this.api.get("supervisor", "/api/cases/" + caseNo).json().get("timeline").forEach(e -> {
			if (kind.equals(e.get("kind").asText())) {
				entries.add(e);
			}
		});
		return entries;
	}

}
