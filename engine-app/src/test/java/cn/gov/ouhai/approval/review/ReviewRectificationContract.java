package cn.gov.ouhai.approval.review;

import static cn.gov.ouhai.approval.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

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
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.EngineJobs;

/**
 * The good/bad review loop (好差评) over HTTP with the engine clock moved through July 2026: a bad
 * review starts the rectification; contact within 1 working day, fix within 5 (15 when complex),
 * the applicant rates the fix; an appeal (申诉复核) decided by the review office can void it.
 * Expected instants are worked out by hand; 24:00 Beijing time is 16:00Z. Subclasses pick the
 * database.
 */
abstract class ReviewRectificationContract {

	static final List<String> REGISTRATION = List.of("M01", "M02", "M03", "M04");

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void rectifiesABadReviewWithWarningsAndEscalationThenTheApplicantRatesTheFix() {
		at("2026-07-06T02:00:00Z"); // Mon 6 Jul, 10:00
		String caseNo = finishedRegistration();

		JsonNode review = created(caseNo, Map.of("score", 1, "comment", "排队时间太长", "channel", "WINDOW"));
		assertThat(review.get("bad").asBoolean()).isTrue();
		assertThat(review.get("level").asText()).isEqualTo("非常不满意");
		assertThat(review.get("state").asText()).isEqualTo("CONTACTING");
		assertThat(review.get("department").asText()).isEqualTo("scjg");
		assertThat(review.get("staff").asText()).isEqualTo("clerk");
		// contact within 1 working day: 24:00 Tue 7 Jul
		assertThat(review.get("step").get("stepId").asText()).isEqualTo("Task_ContactApplicant");
		assertThat(review.get("step").get("dueDate").asText()).isEqualTo("2026-07-08T00:00:00+08:00");
		assertThat(review.get("step").get("light").asText()).isEqualTo("GREEN");
		long id = review.get("id").asLong();
		String pid = processOf(id);

		// one review per case and channel; another channel may review too
		Api.Response again = this.api.post("clerk", "/api/cases/" + caseNo + "/reviews",
				Map.of("score", 5, "channel", "WINDOW"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("error").asText()).isEqualTo("ALREADY_REVIEWED");
		assertThat(created(caseNo, Map.of("score", 4, "channel", "PC")).get("state").asText()).isEqualTo("NONE");

		// the yellow warning goes to the department at 24:00 Mon 6 Jul
		at("2026-07-07T02:00:00Z");
		EngineJobs.runDue(this.management, pid);
		assertThat(review(id).get("step").get("light").asText()).isEqualTo("YELLOW");
		assertThat(this.steps.escalations(caseNo)).containsExactly("YELLOW→dept-scjg");

		// another department may not act on it
		assertThat(this.api.post("approver-wjj", "/api/reviews/" + id + "/contact",
				Map.of("appeal", false, "opinion", "已联系")).status()).isEqualTo(403);
		Api.Response contacted = this.api.post("approver-scjg", "/api/reviews/" + id + "/contact",
				Map.of("appeal", false, "complex", false, "opinion", "已电话联系申请人，情况属实"));
		assertThat(contacted.status()).as(contacted.toString()).isEqualTo(200);
		JsonNode rectifying = contacted.json();
		assertThat(rectifying.get("state").asText()).isEqualTo("RECTIFYING");
		// fix within 5 working days of the contact: 8, 9, 10, 13, 14 Jul
		assertThat(rectifying.get("step").get("stepId").asText()).isEqualTo("Task_RectifySimple");
		assertThat(rectifying.get("step").get("dueDate").asText()).isEqualTo("2026-07-15T00:00:00+08:00");

		// not fixed in time: red to the head, one more working day to the supervisors
		at("2026-07-15T02:00:00Z");
		EngineJobs.runDue(this.management, pid);
		assertThat(review(id).get("step").get("light").asText()).isEqualTo("RED");
		at("2026-07-16T02:00:00Z");
		EngineJobs.runDue(this.management, pid);
		// the fix's yellow and red fell due together by 15 Jul: both went out then
		assertThat(this.steps.escalations(caseNo)).containsExactlyInAnyOrder("YELLOW→dept-scjg", "YELLOW→dept-scjg",
				"RED→head-scjg", "RED_ESCALATED→supervisor");

		assertThat(this.api.post("approver-scjg", "/api/reviews/" + id + "/rating", Map.of("score", 5)).status())
			.as("only the applicant rates the fix, through the window or the portals")
			.isEqualTo(403);
		Api.Response answered = this.api.post("approver-scjg", "/api/reviews/" + id + "/answer",
				Map.of("answer", "已增设取号窗口并向申请人致歉"));
		assertThat(answered.json().get("state").asText()).as(answered.toString()).isEqualTo("AWAITING_RATING");
		Api.Response rated = this.api.post("clerk", "/api/reviews/" + id + "/rating",
				Map.of("score", 4, "comment", "改进了"));
		JsonNode closed = rated.json();
		assertThat(closed.get("state").asText()).as(rated.toString()).isEqualTo("RECTIFIED");
		assertThat(closed.get("rectificationScore").asInt()).isEqualTo(4);
		assertThat(closed.get("closedAt").asText()).isEqualTo("2026-07-16T10:00:00+08:00");
		assertThat(closed.has("step")).isFalse();
		assertThat(EngineJobs.timers(this.management, pid)).isEmpty();

		// the loop is on the case's timeline
		assertThat(this.steps.timeline(caseNo, "STEP").stream().map(e -> e.get("stepId").asText() + ":" + e.get("decision").asText()))
			.contains("Task_ContactApplicant:RECTIFY", "Task_RectifySimple:ANSWERED");
		assertThat(this.steps.timeline(caseNo, "REVIEW")).hasSize(3);
	}

	@Test
	void anUpheldAppealVoidsTheReview() {
		at("2026-07-20T02:00:00Z"); // Mon 20 Jul
		String caseNo = finishedRegistration();
		long id = created(caseNo, Map.of("score", 2, "comment", "不满意", "channel", "MOBILE")).get("id").asLong();
		JsonNode appealed = this.api.post("approver-scjg", "/api/reviews/" + id + "/contact",
				Map.of("appeal", true, "opinion", "申请人表示误点差评")).json();
		assertThat(appealed.get("state").asText()).isEqualTo("APPEALED");
		assertThat(appealed.get("step").get("stepId").asText()).isEqualTo("Task_ReviewAppeal");
		// the department does not decide its own appeal; nor do supervisors
		for (String user : List.of("approver-scjg", "head-scjg", "supervisor")) {
			assertThat(this.api.post(user, "/api/reviews/" + id + "/appeal-decision",
					Map.of("upheld", true, "opinion", "同意")).status()).as(user).isEqualTo(403);
		}
		JsonNode voided = this.api.post("reviewer", "/api/reviews/" + id + "/appeal-decision",
				Map.of("upheld", true, "opinion", "经核实系误评，差评作废")).json();
		assertThat(voided.get("state").asText()).isEqualTo("VOIDED");
		assertThat(voided.get("closedAt").asText()).isEqualTo("2026-07-20T10:00:00+08:00");
		assertThat(this.api.get("supervisor", "/api/reviews?state=VOIDED&size=200").json().get("items")
			.findValuesAsText("caseNo")).contains(caseNo);
		assertThat(this.steps.timeline(caseNo, "STEP").stream().map(e -> e.get("stepId").asText() + ":" + e.get("decision").asText()))
			.containsSubsequence("Task_ContactApplicant:APPEAL", "Task_ReviewAppeal:UPHOLD");
	}

	@Test
	void aRejectedAppealGoesToAComplexFixAndAnUnacceptedFixIsReported() {
		at("2026-07-27T02:00:00Z"); // Mon 27 Jul
		String caseNo = finishedRegistration();
		long id = created(caseNo, Map.of("score", 1, "channel", "KIOSK")).get("id").asLong();
		this.api.post("approver-scjg", "/api/reviews/" + id + "/contact",
				Map.of("appeal", true, "complex", true, "opinion", "认为系恶意差评"));
		JsonNode rejected = this.api.post("reviewer", "/api/reviews/" + id + "/appeal-decision",
				Map.of("upheld", false, "opinion", "申诉理由不成立")).json();
		assertThat(rejected.get("state").asText()).isEqualTo("RECTIFYING");
		// complex: 15 working days from 27 Jul: 28–31 Jul, 3–7, 10–14, 17–18 Aug
		assertThat(rejected.get("step").get("stepId").asText()).isEqualTo("Task_RectifyComplex");
		assertThat(rejected.get("step").get("dueDate").asText()).isEqualTo("2026-08-18T00:00:00+08:00");
		assertThat(rejected.get("complex").asBoolean()).isTrue();
		this.api.post("approver-scjg", "/api/reviews/" + id + "/answer", Map.of("answer", "已整改"));
		JsonNode unresolved = this.api.post("clerk", "/api/reviews/" + id + "/rating", Map.of("score", 2)).json();
		assertThat(unresolved.get("state").asText()).isEqualTo("UNRESOLVED");
		assertThat(this.jdbc.queryForList("SELECT addressee FROM notification WHERE case_no = ? AND kind = ?",
				String.class, caseNo, "REVIEW_UNRESOLVED")).containsExactly("supervisor");
	}

	@Test
	void anApplicantWhoDoesNotRateTheFixInFiveWorkingDaysAcceptsIt() {
		at("2026-08-03T02:00:00Z"); // Mon 3 Aug, 10:00
		String caseNo = finishedRegistration();
		long id = created(caseNo, Map.of("score", 2, "channel", "WINDOW")).get("id").asLong();
		String pid = processOf(id);
		this.api.post("approver-scjg", "/api/reviews/" + id + "/contact",
				Map.of("appeal", false, "complex", false, "opinion", "已联系"));
		assertThat(this.api.post("approver-scjg", "/api/reviews/" + id + "/answer", Map.of("answer", "已整改"))
			.json()
			.get("state")
			.asText()).isEqualTo("AWAITING_RATING");

		// five working days from Mon 3 Aug: 4, 5, 6, 7 and 10 Aug; on the fifth the rating is still awaited
		at("2026-08-10T15:00:00Z"); // Mon 10 Aug, 23:00
		EngineJobs.runDue(this.management, pid);
		assertThat(review(id).get("state").asText()).isEqualTo("AWAITING_RATING");

		// from 00:00 Tue 11 Aug no rating counts as accepting the fix (逾期未评价，视为认可)
		at("2026-08-10T16:00:01Z");
		EngineJobs.runDue(this.management, pid);
		JsonNode closed = review(id);
		assertThat(closed.get("state").asText()).isEqualTo("RECTIFIED");
		assertThat(closed.path("rectificationScore").isIntegralNumber()).as("nobody rated it").isFalse();
		assertThat(closed.get("closedAt").asText()).isEqualTo("2026-08-11T00:00:01+08:00");
		assertThat(EngineJobs.timers(this.management, pid)).isEmpty();
		assertThat(this.api.post("clerk", "/api/reviews/" + id + "/rating", Map.of("score", 1)).status())
			.as("too late to rate")
			.isEqualTo(409);
	}

	@Test
	void takesReviewsOnlyOfFinishedCasesWithValidScoresAndStoresNothingElse() {
		at("2026-07-06T02:00:00Z");
		String open = this.steps.acceptFoodLicence("WINDOW");
		Long before = this.jdbc.queryForObject("SELECT COUNT(*) FROM case_review", Long.class);
		Api.Response early = this.api.post("clerk", "/api/cases/" + open + "/reviews", Map.of("score", 5, "channel", "WINDOW"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("error").asText()).isEqualTo("CASE_NOT_FINISHED");
		assertThat(this.api.post("clerk", "/api/cases/330304-20260706-999999/reviews", Map.of("score", 5, "channel", "PC"))
			.status()).isEqualTo(404);
		Api.Response badScore = this.api.post("clerk", "/api/cases/" + open + "/reviews", Map.of("score", 6, "channel", "PC"));
		assertThat(badScore.status()).isEqualTo(400);
		assertThat(badScore.json().get("fields").has("score")).isTrue();
		Api.Response noChannel = this.api.post("clerk", "/api/cases/" + open + "/reviews", Map.of("score", 3));
		assertThat(noChannel.status()).isEqualTo(400);
		assertThat(noChannel.json().get("fields").has("channel")).isTrue();
		assertThat(this.api.post("supervisor", "/api/cases/" + open + "/reviews", Map.of("score", 5, "channel", "PC"))
			.status()).as("supervisors change nothing but urges").isEqualTo(403);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_review", Long.class)).isEqualTo(before);
		// a good review needs no rectification
		String done = finishedRegistration();
		long good = created(done, Map.of("score", 5, "channel", "WINDOW")).get("id").asLong();
		Api.Response nothingToDo = this.api.post("approver-scjg", "/api/reviews/" + good + "/contact",
				Map.of("appeal", false, "opinion", "无"));
		assertThat(nothingToDo.status()).isEqualTo(409);
		// approvers see their own department's reviews only
		assertThat(this.api.get("approver-wjj", "/api/reviews?size=200").json().get("items").findValuesAsText("caseNo"))
			.doesNotContain(done);
		assertThat(this.api.get("approver-scjg", "/api/reviews?size=200").json().get("items").findValuesAsText("caseNo"))
			.contains(done);
	}

	/** 个体工商户设立登记, decided at the window the same day. */
	private String finishedRegistration() {
		String caseNo = this.steps.acceptPerson("SCJG-GTDJ-001", "OH-CENTRE", "WINDOW", REGISTRATION);
		this.steps.complete("clerk", caseNo, "APPROVE");
		assertThat(this.steps.caseDetail(caseNo).get("status").asText()).isEqualTo("COMPLETED");
		return caseNo;
	}

	private JsonNode created(String caseNo, Map<String, Object> body) {
		Api.Response response = this.api.post("clerk", "/api/cases/" + caseNo + "/reviews", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private JsonNode review(long id) {
		return this.api.get("supervisor", "/api/reviews/" + id).json();
	}

	private String processOf(long id) {
		return this.jdbc.queryForObject("SELECT process_instance_id FROM case_review WHERE id = ?", String.class, id);
	}

}
