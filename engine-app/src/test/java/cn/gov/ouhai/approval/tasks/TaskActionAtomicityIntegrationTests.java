package cn.gov.ouhai.approval.tasks;

import static cn.gov.ouhai.approval.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.TableSnapshot;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.sla.CalendarYearNotLoaded;
import cn.gov.ouhai.approval.sla.CaseClockEvent;
import cn.gov.ouhai.approval.sla.SlaExpressions;

/**
 * Every task action is all or nothing: a failure after its first write leaves the platform's tables
 * and the engine's (tasks, executions, jobs, subscriptions, variables, history) exactly as they were,
 * and the caller gets the error body. The failure is injected where the action writes last or inside
 * the engine's move: the timeline of a completed step ({@link Cases#stepCompleted}, called by the
 * engine's task listener after the claim), the clock's pause or resumption (a test listener of
 * {@link CaseClockEvent}, after the clock's rows are written), a due date the engine computes
 * ({@code sla.workdaysFromNow}), a line on the case's timeline. Then the same action, sent again,
 * goes through.
 */
@PlatformTest
class TaskActionAtomicityIntegrationTests {

	/** Every table a task action writes to; the engine's id block ({@code ACT_GE_PROPERTY}) is not one. */
	private static final List<String> TABLES = List.of("service_case", "case_material", "case_event", "case_clock",
			"case_pause", "case_urge", "case_review", "notification", "case_day_figures", "ACT_RU_TASK",
			"ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK",
			"ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
			"ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_GE_BYTEARRAY");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FailingClockListener clockFailure;

	@MockitoSpyBean
	Cases cases;

	@MockitoSpyBean
	SlaExpressions sla;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
		at("2026-07-06T02:00:00Z"); // Mon 6 Jul 2026, 10:00
	}

	@AfterEach
	void healed() {
		reset(this.cases, this.sla);
		this.clockFailure.disarm();
		ClockUtil.reset();
	}

	@Test
	void leavesTheTaskUnclaimedWhenCompletingFailsAfterTheClaim() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		doThrow(injected("the step's timeline line")).when(this.cases)
			.stepCompleted(eq(caseNo), any(), any(), any(), any(), any());
		Map<String, List<String>> before = snapshot();

		Api.Response failed = this.api.post("approver-scjg", "/api/tasks/" + task + "/complete",
				Map.of("decision", "APPROVE", "opinion", "材料齐全"));

		isInternalError(failed);
		assertThat(snapshot()).as("nothing of the failed completion, not even the claim").isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task))
			.isNull();

		reset(this.cases);
		Api.Response done = this.api.post("approver-scjg", "/api/tasks/" + task + "/complete",
				Map.of("decision", "APPROVE", "opinion", "材料齐全"));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
		assertThat(this.steps.timeline(caseNo, "STEP")).hasSize(1);
	}

	@Test
	void leavesNoSupplementWhenTheEngineFailsToMoveTheStep() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		// the diagram's 补正 boundary pauses the clock: fail there, after the materials and the timeline line
		this.clockFailure.failOnce(caseNo, CaseClockEvent.Paused.class);
		Map<String, List<String>> before = snapshot();

		Api.Response failed = this.api.post("approver-scjg", "/api/tasks/" + task + "/request-supplement",
				Map.of("materials", List.of("M03"), "workdays", 5, "opinion", "布局图不清晰"));

		isInternalError(failed);
		assertThat(snapshot()).as("no supplement row without the engine's move").isEqualTo(before);

		Api.Response asked = this.api.post("approver-scjg", "/api/tasks/" + task + "/request-supplement",
				Map.of("materials", List.of("M03"), "workdays", 5, "opinion", "布局图不清晰"));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(204);
		assertThat(this.steps.caseDetail(caseNo).get("status").asText()).isEqualTo("SUSPENDED");
	}

	@Test
	void answersTheCalendarsErrorFromInsideTheEngineWithItsStatusAndLeavesNoSupplement() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		// the supplement deadline's timer, ${sla.workdaysFromNow(supplementWorkdays)}, reaches a year not loaded
		doThrow(new CalendarYearNotLoaded(2099)).when(this.sla).workdaysFromNow(anyInt());
		Map<String, List<String>> before = snapshot();

		Api.Response failed = this.api.post("approver-scjg", "/api/tasks/" + task + "/request-supplement",
				Map.of("materials", List.of("M03", "M05"), "workdays", 20));

		assertThat(failed.status()).as(failed.toString()).isEqualTo(422);
		assertThat(failed.json().get("error").asText()).isEqualTo("CALENDAR_YEAR_NOT_LOADED");
		assertThat(failed.json().get("message").asText()).contains("2099").contains(" / ");
		assertThat(snapshot()).as("nothing of the refused supplement").isEqualTo(before);
	}

	@Test
	void leavesTheClockRunningWhenStartingASpecialProcedureFails() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		this.clockFailure.failOnce(caseNo, CaseClockEvent.Paused.class);
		Map<String, List<String>> before = snapshot();

		Api.Response failed = this.api.post("approver-scjg", "/api/tasks/" + task + "/special-procedure",
				Map.of("kind", "SITE_CHECK", "maxWorkdays", 10));

		isInternalError(failed);
		assertThat(snapshot()).as("no paused clock without its step on the timeline").isEqualTo(before);

		Api.Response started = this.api.post("approver-scjg", "/api/tasks/" + task + "/special-procedure",
				Map.of("kind", "SITE_CHECK", "maxWorkdays", 10));
		assertThat(started.status()).as(started.toString()).isEqualTo(204);

		// ending it is whole too: the clock stays paused, its timers held, when the resumption fails
		at("2026-07-08T02:00:00Z");
		this.clockFailure.failOnce(caseNo, CaseClockEvent.Resumed.class);
		Map<String, List<String>> paused = snapshot();
		isInternalError(this.api.post("approver-scjg", "/api/cases/" + caseNo + "/special-procedure/end", ""));
		assertThat(snapshot()).as("no half-resumed clock").isEqualTo(paused);
		Api.Response ended = this.api.post("approver-scjg", "/api/cases/" + caseNo + "/special-procedure/end", "");
		assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
	}

	@Test
	void leavesTheUrgeUnansweredWhenAnsweringFailsAfterTheAnswerIsWritten() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		Api.Response urged = this.api.post("supervisor", "/api/supervision/cases/" + caseNo + "/urge",
				Map.of("message", "请说明办理进度并加快办理"));
		assertThat(urged.status()).as(urged.toString()).isEqualTo(201);
		long id = urged.json().get("id").asLong();
		doThrow(injected("the urge step's timeline line")).when(this.cases)
			.stepCompleted(eq(caseNo), any(), any(), any(), any(), any());
		Map<String, List<String>> before = snapshot();

		Api.Response failed = this.api.post("head-scjg", "/api/urges/" + id + "/answer", Map.of("answer", "已安排专人加快办理"));

		isInternalError(failed);
		assertThat(snapshot()).as("no answer without the urge's step completed").isEqualTo(before);

		reset(this.cases);
		Api.Response answered = this.api.post("head-scjg", "/api/urges/" + id + "/answer",
				Map.of("answer", "已安排专人加快办理"));
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().get("state").asText()).isEqualTo("ANSWERED");
	}

	@Test
	void leavesEachRectificationStepAsItWasWhenItFailsAfterItsFirstWrite() {
		String caseNo = finishedRegistration();
		Api.Response bad = this.api.post("clerk", "/api/cases/" + caseNo + "/reviews",
				Map.of("score", 1, "comment", "排队太久", "channel", "WINDOW"));
		assertThat(bad.status()).as(bad.toString()).isEqualTo(201);
		String review = "/api/reviews/" + bad.json().get("id").asText();

		// 联系申请人核实 (writes "complex" first), then 复核差评申诉, then 整改并答复 (writes the answer first)
		failsWholeThenGoesThrough(caseNo, "approver-scjg", review + "/contact",
				Map.of("appeal", true, "complex", true, "opinion", "申请人误评"), "APPEALED");
		failsWholeThenGoesThrough(caseNo, "reviewer", review + "/appeal-decision",
				Map.of("upheld", false, "opinion", "申诉不成立"), "RECTIFYING");
		failsWholeThenGoesThrough(caseNo, "approver-scjg", review + "/answer", Map.of("answer", "已增加窗口并公示"),
				"AWAITING_RATING");

		// 申请人评价整改: the rating is written first, then its line on the timeline fails
		doThrow(injected("the rating's timeline line")).when(this.cases)
			.note(eq(caseNo), eq("REVIEW"), any(), any(), any(), any(), any());
		Map<String, List<String>> before = snapshot();
		isInternalError(this.api.post("clerk", review + "/rating", Map.of("score", 5, "comment", "满意")));
		assertThat(snapshot()).as("no rating without the process hearing it").isEqualTo(before);
		reset(this.cases);
		Api.Response rated = this.api.post("clerk", review + "/rating", Map.of("score", 5, "comment", "满意"));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
	}

	private void failsWholeThenGoesThrough(String caseNo, String user, String path, Map<String, Object> body,
			String stateAfter) {
		doThrow(injected("the rectification step's timeline line")).when(this.cases)
			.stepCompleted(eq(caseNo), any(), any(), any(), any(), any());
		Map<String, List<String>> before = snapshot();
		isInternalError(this.api.post(user, path, body));
		assertThat(snapshot()).as(path + ": nothing of the failed step").isEqualTo(before);
		reset(this.cases);
		Api.Response done = this.api.post(user, path, body);
		assertThat(done.status()).as(path + " " + done).isEqualTo(200);
		assertThat(done.json().get("state").asText()).as(path).isEqualTo(stateAfter);
	}

	/** 个体工商户设立登记, decided at the window the same day. */
	private String finishedRegistration() {
		String caseNo = this.steps.acceptPerson("SCJG-GTDJ-001", "OH-CENTRE", "WINDOW",
				List.of("M01", "M02", "M03", "M04"));
		this.steps.complete("clerk", caseNo, "APPROVE");
		assertThat(this.steps.caseDetail(caseNo).get("status").asText()).isEqualTo("COMPLETED");
		return caseNo;
	}

	private static IllegalStateException injected(String where) {
		return new IllegalStateException("injected: fails at " + where);
	}

	private static void isInternalError(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(500);
		JsonNode body = response.json();
		assertThat(body.path("error").asText()).as(response.toString()).isEqualTo("INTERNAL_ERROR");
		assertThat(body.path("message").asText()).contains(" / ");
		assertThat(body.has("timestamp") || body.has("path") || body.has("trace")).as(response.toString()).isFalse();
		assertThat(response.body()).doesNotContain("injected").doesNotContain("\tat ");
	}

	/** Every row of every table an action writes to, as text, in a stable order. */
	private Map<String, List<String>> snapshot() {
		return TableSnapshot.of(this.jdbc, TABLES);
	}

	/** Throws once from inside the clock's pause or resumption of one case, after its rows are written. */
	static class FailingClockListener {

		private final AtomicReference<String> armed = new AtomicReference<>();

		void failOnce(String caseNo, Class<? extends CaseClockEvent> kind) {
			this.armed.set(kind.getSimpleName() + ":" + caseNo);
		}

		void disarm() {
			this.armed.set(null);
		}

		@EventListener
		void on(CaseClockEvent event) {
			String key = event.getClass().getSimpleName() + ":" + event.caseNo();
			String armedFor = this.armed.get();
			if (key.equals(armedFor) && this.armed.compareAndSet(armedFor, null)) {
				throw injected("the clock's " + event.getClass().getSimpleName());
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockFailures {

		@Bean
		FailingClockListener failingClockListener() {
			return new FailingClockListener();
		}

	}

}
