package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import cn.gov.ouhai.approval.EngineJobs;
import cn.gov.ouhai.approval.Applicants;

/**
 * 告知承诺 (decided at once, verified afterwards, revoked when false) and 容缺 (the licence waits for
 * the owed materials; a missed deadline brings a reminder, then termination) on the licence
 * diagrams, over HTTP with the engine clock moved. Each scenario that leaves a credit record uses an
 * applicant of its own. Subclasses pick the database.
 */
abstract class CommitmentAndDeficiencyContract {

	static final List<String> PERMIT = List.of("M01", "M02", "M03", "M04");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ManagementService management;

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
	void decidesOnTheCommitmentAtOnceAndRevokesWhenVerificationFindsItFalse() {
		String applicant = "91330304MA2L8K5Q7J";
		at("2026-11-02T02:00:00Z");
		Map<String, Object> body = company(Applicants.intake(id(), "SCJG-SPJY-001", "OH-CENTRE",
				List.of("M01", "M02", "M03"), List.of("M01", "M02", "M03", "M04", "M05")), applicant);
		body.put("commitment", true);
		JsonNode answer = created(body);
		String caseNo = answer.get("caseNo").asText();
		assertThat(answer.get("status").asText()).isEqualTo("APPROVED");
		JsonNode task = taskOf("approver-scjg", caseNo);
		assertThat(task.get("stepId").asText()).isEqualTo("Task_VerifyCommitment");
		// 60 calendar days from 2 Nov 2026: 24:00 of 1 Jan 2027
		assertThat(task.get("dueDate").asText()).isEqualTo("2027-01-02T00:00:00+08:00");

		// decided within the limit: the case's light stays green through the verification period
		at("2026-12-01T02:00:00Z");
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("sla").get("light").asText())
			.isEqualTo("GREEN");

		complete("approver-scjg", task, "DENY", "现场核查：经营场所与承诺不符");
		JsonNode detail = this.api.get("clerk", "/api/cases/" + caseNo).json();
		assertThat(detail.get("status").asText()).isEqualTo("REVOKED");
		assertThat(credits(applicant)).containsExactly("FALSE_COMMITMENT");
		// with that record, no more commitment for this applicant
		Map<String, Object> again = company(Applicants.intake(id(), "SCJG-SPJY-001", "OH-CENTRE",
				List.of("M01", "M02", "M03"), List.of("M01", "M02", "M03", "M04", "M05")), applicant);
		again.put("commitment", true);
		assertThat(this.api.post("clerk", "/api/cases", again).status()).isEqualTo(400);
	}

	@Test
	void completesACommitmentThatVerificationConfirms() {
		Map<String, Object> body = company(Applicants.intake(id(), "WJJ-GGCS-001", "OH-CENTRE",
				List.of("M01", "M02", "M03", "M04", "M05"), List.of("M01", "M02", "M03", "M04", "M05")),
				"91330304MA2L8K5Q9Q");
		body.put("commitment", true);
		String caseNo = created(body).get("caseNo").asText();
		complete("approver-wjj", taskOf("approver-wjj", caseNo), "APPROVE", "核查属实");
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isEqualTo("COMPLETED");
		assertThat(credits("91330304MA2L8K5Q9Q")).isEmpty();
	}

	@Test
	void holdsTheLicenceUntilTheOwedMaterialsArrive() {
		at("2026-11-02T02:00:00Z");
		String caseNo = deficiencyCase(Applicants.COMPANY_CODE);
		complete("approver-zrzy", taskOf("approver-zrzy", caseNo), "APPROVE", null);
		complete("head-zrzy", taskOf("head-zrzy", caseNo), "APPROVE", null);
		// decided, but the licence waits for the owed drawings
		assertThat(this.api.get("approver-zrzy", "/api/tasks").json().findValuesAsText("caseNo")).doesNotContain(caseNo);
		assertThat(this.api.post("clerk", "/api/cases/" + caseNo + "/supplements", Map.of("materials", List.of("M04")))
			.status()).isEqualTo(200);
		JsonNode issue = taskOf("approver-zrzy", caseNo);
		assertThat(issue.get("stepId").asText()).isEqualTo("Task_IssueLicence");
		complete("approver-zrzy", issue, "APPROVE", null);
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isEqualTo("COMPLETED");
	}

	@Test
	void letsTheWindowDecideButHoldsTheResultUntilTheOwedMaterialsArrive() {
		List<String> seal = List.of("M01", "M02", "M03");
		Map<String, Object> body = Applicants.intake(id(), "GA-YZBA-001", "OH-CENTRE", List.of("M01", "M02"), seal);
		body.put("commitment", true);
		JsonNode answer = created(body);
		assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
		String caseNo = answer.get("caseNo").asText();
		complete("clerk", taskOf("clerk", caseNo), "APPROVE", "当场审核通过");
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isEqualTo("IN_PROGRESS");
		this.api.post("clerk", "/api/cases/" + caseNo + "/supplements", Map.of("materials", List.of("M03")));
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isEqualTo("COMPLETED");
	}

	@Test
	void remindsThenTerminatesWhenTheOwedMaterialsNeverCome() {
		String applicant = "91330304MA2L8K5Q8M";
		at("2026-11-02T02:00:00Z"); // Mon 2 Nov; the permit's promised limit: 24:00 Mon 16 Nov
		String caseNo = deficiencyCase(applicant);
		String pid = this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?",
				String.class, caseNo);
		// 5 working days (3, 4, 5, 6, 9 Nov) → 24:00 Mon 9 Nov; after the reminder 2 more → 24:00 Wed 11 Nov
		assertThat(EngineJobs.timers(this.management, pid)).containsEntry("BoundaryEvent_DeficiencyDue", Instant.parse("2026-11-09T16:00:00Z"))
			.containsEntry("BoundaryEvent_ReminderExpired", Instant.parse("2026-11-11T16:00:00Z"));

		at("2026-11-09T17:00:00Z");
		EngineJobs.runDue(this.management, pid);
		assertThat(this.jdbc.queryForList("SELECT kind FROM notification WHERE case_no = ? AND addressee = 'applicant'",
				String.class, caseNo)).containsExactly("DEFICIENCY_REMINDER");
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isNotEqualTo("WITHDRAWN");

		at("2026-11-11T17:00:00Z");
		EngineJobs.runDue(this.management, pid);
		JsonNode detail = this.api.get("clerk", "/api/cases/" + caseNo).json();
		assertThat(detail.get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(detail.get("timeline").findValuesAsText("step")).contains("申请已退件");
		assertThat(credits(applicant)).containsExactly("MISSED_SUPPLEMENT");
		assertThat(this.management.createJobQuery().processInstanceId(pid).count()).isZero();
		assertThat(this.api.get("approver-zrzy", "/api/tasks").json().findValuesAsText("caseNo")).doesNotContain(caseNo);
	}

	private String deficiencyCase(String applicant) {
		Map<String, Object> body = company(Applicants.intake(id(), "ZRZY-GHXK-001", "OH-CENTRE",
				List.of("M01", "M02", "M03"), PERMIT), applicant);
		body.put("commitment", true);
		JsonNode answer = created(body);
		assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
		return answer.get("caseNo").asText();
	}

	private static Map<String, Object> company(Map<String, Object> body, String creditCode) {
		body.put("applicant", Map.of("type", "ORG", "name", "温州市瓯海区某建设有限公司", "idNumber", creditCode));
		return body;
	}

	private JsonNode created(Map<String, Object> body) {
		Api.Response response = this.api.post("clerk", "/api/cases", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private JsonNode taskOf(String user, String caseNo) {
		for (JsonNode task : this.api.get(user, "/api/tasks").json()) {
			if (caseNo.equals(task.path("caseNo").asText())) {
				return task;
			}
		}
		throw new AssertionError("no task of " + caseNo + " for " + user);
	}

	private void complete(String user, JsonNode task, String decision, String opinion) {
		Api.Response done = this.api.post(user, "/api/tasks/" + task.get("id").asText() + "/complete",
				opinion == null ? Map.of("decision", decision) : Map.of("decision", decision, "opinion", opinion));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
	}

	private List<String> credits(String idNumber) {
		return this.jdbc.queryForList("SELECT kind FROM applicant_credit WHERE id_number = ? ORDER BY id", String.class,
				idNumber);
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private static String id() {
		return "cd-" + UUID.randomUUID();
	}

}
