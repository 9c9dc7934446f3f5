package cn.gov.ouhai.approval.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.TestUsers;
import cn.gov.ouhai.approval.AtOnce;
import cn.gov.ouhai.approval.Applicants;

/**
 * Two approvers of one department act on the same task at the same instant, over real HTTP: exactly
 * one claim or decision succeeds, the other gets 409 with a clear message, and the case's timeline
 * records the step once. Repeated, since a race that is won by timing once proves little.
 * Subclasses pick the database.
 */
abstract class TaskRacesContract {

	static final String SECOND = "approver2-scjg";

	static final int ROUNDS = 8;

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	Api api;

	ExecutorService pool;

	@BeforeEach
	void twoApprovers() {
		this.api = new Api(this.port);
		this.pool = Executors.newFixedThreadPool(2);
		TestUsers.ensure(this.identity, SECOND, "第二审批人", "市场监管", "dept-scjg");
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void aClaimedStepLeavesTheOthersListsButNotTheGroupsWhichIsWalkedByDueDate() throws Exception {
		String caseNo = intake();
		String task = taskOf(caseNo);
		assertThat(ids(SECOND, "")).contains(task);
		assertThat(this.api.post(SECOND, "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);
		assertThat(ids(SECOND, "")).contains(task);
		assertThat(ids(SECOND, "?mine=true")).contains(task);
		assertThat(ids("approver-scjg", "")).as("claimed by another").doesNotContain(task);
		assertThat(ids("approver-scjg", "?group=dept-scjg")).as("the group's whole list").contains(task);
		assertThat(this.api.get("approver-scjg", "/api/tasks?group=dept-wjj").status()).isEqualTo(403);
		assertThat(this.api.get("approver-scjg", "/api/tasks?group=dept-scjg&limit=1").json()).hasSize(1);
		assertThat(this.api.get("approver-scjg", "/api/tasks?limit=501").status()).isEqualTo(400);
		// the lists walk the engine's open tasks along an index of their due dates (TaskDueIndex)
		try (var connection = this.dataSource.getConnection();
				var indexes = connection.getMetaData().getIndexInfo(null, null, "ACT_RU_TASK", false, false)) {
			List<String> names = new ArrayList<>();
			while (indexes.next()) {
				names.add(indexes.getString("INDEX_NAME").toUpperCase());
			}
			assertThat(names).contains(TaskDueIndex.NAME);
		}
	}

	private List<String> ids(String user, String query) {
		Api.Response response = this.api.get(user, "/api/tasks" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().findValuesAsText("id");
	}

	@Test
	void twoApproversDecidingTheSameStepAtOnceDecideItOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String caseNo = intake();
			String task = taskOf(caseNo);
			List<Api.Response> answers = atOnce(
					() -> this.api.post("approver-scjg", "/api/tasks/" + task + "/complete",
							Map.of("decision", "APPROVE", "opinion", "甲审查通过")),
					() -> this.api.post(SECOND, "/api/tasks/" + task + "/complete",
							Map.of("decision", "APPROVE", "opinion", "乙审查通过")));
			assertThat(answers).as(answers.toString()).extracting(Api.Response::status).containsExactlyInAnyOrder(204, 409);
			Api.Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
			assertThat(lost.json().get("message").asText()).contains("他人");
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE case_no = ? AND step_id = "
					+ "'Task_ReviewMaterials'", Integer.class, caseNo)).as("timeline of " + caseNo).isEqualTo(1);
		}
	}

	@Test
	void twoApproversClaimingTheSameTaskAtOnceOneGetsIt() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String task = taskOf(intake());
			List<Api.Response> answers = atOnce(() -> this.api.post("approver-scjg", "/api/tasks/" + task + "/claim", ""),
					() -> this.api.post(SECOND, "/api/tasks/" + task + "/claim", ""));
			assertThat(answers).as(answers.toString()).extracting(Api.Response::status).containsExactlyInAnyOrder(204, 409);
			String winner = answers.get(0).status() == 204 ? "approver-scjg" : SECOND;
			String loser = winner.equals(SECOND) ? "approver-scjg" : SECOND;
			// the loser cannot decide it either, the winner can
			assertThat(this.api.post(loser, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE")).status())
				.isEqualTo(409);
			assertThat(this.api.post(winner, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE")).status())
				.isEqualTo(204);
		}
	}

	@Test
	void twoSpecialProceduresStartedAtOnceStopTheClockOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String caseNo = intake();
			String task = taskOf(caseNo);
			List<Api.Response> answers = atOnce(
					() -> this.api.post("approver-scjg", "/api/tasks/" + task + "/special-procedure",
							Map.of("kind", "SITE_CHECK", "maxWorkdays", 5)),
					() -> this.api.post("approver-scjg", "/api/tasks/" + task + "/special-procedure",
							Map.of("kind", "SITE_CHECK", "maxWorkdays", 5)));
			assertThat(answers).as(answers.toString()).extracting(Api.Response::status).containsExactlyInAnyOrder(204, 409);
			assertThat(this.jdbc.queryForObject("SELECT pause_depth FROM case_clock WHERE case_no = ?", Integer.class,
					caseNo)).as("one pause, not a nested second").isEqualTo(1);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_pause WHERE case_no = ?", Integer.class,
					caseNo)).isEqualTo(1);
			// one end runs the clock again
			assertThat(this.api.post("approver-scjg", "/api/cases/" + caseNo + "/special-procedure/end", "").status())
				.isEqualTo(204);
			assertThat(this.jdbc.queryForObject("SELECT pause_depth FROM case_clock WHERE case_no = ?", Integer.class,
					caseNo)).isZero();
		}
	}

	@SafeVarargs
	private List<Api.Response> atOnce(Callable<Api.Response>... calls) throws Exception {
		return AtOnce.call(this.pool, List.of(calls));
	}

	private String intake() {
		Api.Response created = this.api.post("clerk", "/api/cases", Applicants.foodLicence("race-" + UUID.randomUUID()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("caseNo").asText();
	}

	private String taskOf(String caseNo) {
		for (JsonNode task : this.api.get("approver-scjg", "/api/tasks").json()) {
			if (caseNo.equals(task.path("caseNo").asText())) {
				return task.get("id").asText();
			}
		}
		throw new AssertionError("no task for " + caseNo);
	}

}
