package cn.gov.ouhai.approval.tasks;

import static cn.gov.ouhai.approval.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.TestUsers;
import cn.gov.ouhai.approval.TableSnapshot;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.sla.Notifier;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;

/**
 * The approver workbench's operations over real HTTP: for each, the happy path, a user who may not
 * (403), a wrong state (409), bad input (400), and nothing half-done when it fails after its first
 * write (the notification, written last, fails: no timeline line, no moved task, no row of its own).
 * Subclasses pick the database.
 */
abstract class WorkbenchOperationsContract {

	static final String APPROVER = "approver-scjg";

	static final String SECOND = "approver2-scjg";

	static final String HEAD = "head-scjg";

	static final String OTHER = "approver-wjj";

	/** Every table an operation writes to. */
	static final List<String> TABLES = List.of("service_case", "case_material", "case_event", "case_clock", "case_pause",
			"notification", "notification_read", "consultation", "case_copy", "case_copy_read", "opinion_phrase",
			"personal_data_reveal", "ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR",
			"ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK", "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_ACTINST",
			"ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG");

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkdayCalendar calendar;

	@MockitoSpyBean
	Notifier notifier;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void secondApprover() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
		at("2026-07-06T02:00:00Z"); // Mon 6 Jul 2026, 10:00
		TestUsers.ensure(this.identity, SECOND, "第二审批人", "市场监管", "dept-scjg");
	}

	@AfterEach
	void healed() {
		reset(this.notifier);
		ClockUtil.reset();
	}

	// 转办

	@Test
	void transfersAStepToAColleagueOfItsGroupWithTheReasonOnTheTimelineAndInTheColleaguesBell() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/claim", Map.of()), 204);
		long unreadBefore = this.api.get(SECOND, "/api/notifications/unread-count").json().get("unread").asLong();

		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", Map.of("to", SECOND, "reason", "本人出差")), 204);

		assertThat(assignee(task)).isEqualTo(SECOND);
		JsonNode line = last(caseNo, "TRANSFER");
		assertThat(line.get("actor").asText()).isEqualTo(APPROVER);
		assertThat(line.get("opinion").asText()).contains(SECOND).contains("本人出差");
		JsonNode bell = this.api.get(SECOND, "/api/notifications").json();
		assertThat(bell.get("unread").asLong()).isEqualTo(unreadBefore + 1);
		JsonNode note = bell.get("items").get(0);
		assertThat(note.get("kind").asText()).isEqualTo("TASK_TRANSFERRED");
		assertThat(note.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(note.get("read").asBoolean()).isFalse();
		// another user may not mark it read; its addressee may, once
		fails(this.api.post(OTHER, "/api/notifications/" + note.get("id").asText() + "/read", ""), 403, "FORBIDDEN");
		ok(this.api.post(SECOND, "/api/notifications/" + note.get("id").asText() + "/read", ""), 200);
		ok(this.api.post(SECOND, "/api/notifications/" + note.get("id").asText() + "/read", ""), 200);
		assertThat(this.api.get(SECOND, "/api/notifications/unread-count").json().get("unread").asLong())
			.isEqualTo(unreadBefore);
		// the new assignee works it
		ok(this.api.post(SECOND, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE", "opinion", "同意")), 204);
	}

	@Test
	void refusesATransferByAnotherDepartmentOfAClaimedStepOrWithoutAReasonOrToAnOutsider() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		fails(this.api.post(OTHER, "/api/tasks/" + task + "/transfer", Map.of("to", SECOND, "reason", "x")), 403, "FORBIDDEN");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", Map.of("to", SECOND)), 400, "VALIDATION_FAILED");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", Map.of("to", OTHER, "reason", "x")), 400,
				"TRANSFER_TARGET_INVALID");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", Map.of("to", "nobody", "reason", "x")), 400,
				"TRANSFER_TARGET_INVALID");
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/claim", Map.of()), 204);
		fails(this.api.post(SECOND, "/api/tasks/" + task + "/transfer", Map.of("to", SECOND, "reason", "我来办")), 409,
				"TASK_CLAIMED");
		assertThat(assignee(task)).isEqualTo(APPROVER);
		assertThat(this.steps.timeline(caseNo, "TRANSFER")).isEmpty();
	}

	@Test
	void leavesTheStepWithItsAssigneeWhenATransferFailsAfterItsFirstWrite() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/claim", Map.of()), 204);
		failOn("TASK_TRANSFERRED");
		Map<String, List<String>> before = snapshot();

		isInternalError(this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", Map.of("to", SECOND, "reason", "出差")));

		assertThat(snapshot()).as("no moved task, no timeline line").isEqualTo(before);
		assertThat(assignee(task)).isEqualTo(APPROVER);
		reset(this.notifier);
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", Map.of("to", SECOND, "reason", "出差")), 204);
	}

	@Test
	void aHeadTransfersEveryStepOfAnAbsentColleagueAtOnceAndNobodyElseMay() {
		String first = this.steps.acceptFoodLicence("WINDOW");
		String second = this.steps.acceptFoodLicence("WINDOW");
		List<String> tasks = List.of(reviewTask(first), reviewTask(second));
		for (String task : tasks) {
			ok(this.api.post(APPROVER, "/api/tasks/" + task + "/claim", Map.of()), 204);
		}
		Map<String, Object> batch = Map.of("from", APPROVER, "to", SECOND, "reason", "病假");
		fails(this.api.post(APPROVER, "/api/tasks/transfer", batch), 403, "FORBIDDEN");
		fails(this.api.post("head-wjj", "/api/tasks/transfer", Map.of("taskIds", tasks, "to", SECOND, "reason", "病假")),
				403, "FORBIDDEN");
		fails(this.api.post(HEAD, "/api/tasks/transfer", Map.of("taskIds", tasks, "from", APPROVER, "to", SECOND,
				"reason", "病假")), 400, "VALIDATION_FAILED");
		fails(this.api.post(HEAD, "/api/tasks/transfer", Map.of("from", APPROVER, "to", OTHER, "reason", "病假")), 400,
				"TRANSFER_TARGET_INVALID");

		// one of them fails after the first was moved: none is
		failOn("TASK_TRANSFERRED");
		Map<String, List<String>> before = snapshot();
		isInternalError(this.api.post(HEAD, "/api/tasks/transfer", batch));
		assertThat(snapshot()).isEqualTo(before);
		reset(this.notifier);

		Api.Response moved = this.api.post(HEAD, "/api/tasks/transfer", batch);
		ok(moved, 200);
		assertThat(StreamSupport.stream(moved.json().get("taskIds").spliterator(), false).map(JsonNode::asText))
			.containsAll(tasks);
		for (String task : tasks) {
			assertThat(assignee(task)).isEqualTo(SECOND);
		}
		assertThat(last(first, "TRANSFER").get("actor").asText()).isEqualTo(HEAD);
		assertThat(last(second, "TRANSFER").get("opinion").asText()).contains("病假").contains(APPROVER);
	}

	// 委派

	@Test
	void aDelegateWorksTheStepAndHandsItBackToItsOwnerWhoKeepsTheLimitAndCompletesIt() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/claim", Map.of()), 204);
		Object due = dueDate(task);

		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/delegate", Map.of("to", SECOND, "reason", "请核对场所布局")), 204);

		assertThat(assignee(task)).isEqualTo(SECOND);
		assertThat(dueDate(task)).as("the owner keeps the limit").isEqualTo(due);
		assertThat(last(caseNo, "DELEGATE").get("opinion").asText()).contains(SECOND).contains("请核对场所布局");
		fails(this.api.post(SECOND, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE")), 409,
				"DELEGATION_PENDING");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/delegate", Map.of("to", SECOND)), 409, "DELEGATION_PENDING");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", Map.of("to", SECOND, "reason", "x")), 409,
				"DELEGATION_PENDING");
		fails(this.api.post(SECOND, "/api/tasks/" + task + "/unclaim", Map.of()), 409, "DELEGATION_PENDING");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/resolve", Map.of("opinion", "x")), 403, "FORBIDDEN");
		fails(this.api.post(OTHER, "/api/tasks/" + task + "/resolve", Map.of("opinion", "x")), 403, "FORBIDDEN");

		ok(this.api.post(SECOND, "/api/tasks/" + task + "/resolve", Map.of("opinion", "布局图与现场一致")), 204);

		assertThat(assignee(task)).isEqualTo(APPROVER);
		assertThat(dueDate(task)).isEqualTo(due);
		assertThat(last(caseNo, "RESOLVE").get("opinion").asText()).contains("布局图与现场一致");
		assertThat(this.api.get(APPROVER, "/api/notifications?unread=true").json().get("items").get(0).get("kind").asText())
			.isEqualTo("TASK_RESOLVED");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/resolve", Map.of()), 409, "NOT_DELEGATED");
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE", "opinion", "同意")), 204);
		assertThat(last(caseNo, "STEP").get("actor").asText()).isEqualTo(APPROVER);
	}

	@Test
	void refusesADelegationByAnotherDepartmentOrToAnOutsiderAndLeavesNothingWhenItFails() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		fails(this.api.post(OTHER, "/api/tasks/" + task + "/delegate", Map.of("to", SECOND)), 403, "FORBIDDEN");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/delegate", Map.of("to", OTHER)), 400, "DELEGATE_INVALID");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/delegate", Map.of("reason", "x")), 400, "VALIDATION_FAILED");

		failOn("TASK_DELEGATED");
		Map<String, List<String>> before = snapshot();
		isInternalError(this.api.post(APPROVER, "/api/tasks/" + task + "/delegate", Map.of("to", SECOND)));
		assertThat(snapshot()).as("not even the claim before the delegation").isEqualTo(before);
		assertThat(assignee(task)).isNull();
	}

	// 退回

	@Test
	void sendsTheCaseBackToTheEarlierStepTheDiagramAllowsAndToWhoeverWorkedItAndTheTimelineSaysSo() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		this.steps.complete(APPROVER, caseNo, "APPROVE");
		String decide = this.steps.task(HEAD, caseNo).get("id").asText();
		assertThat(this.steps.task(HEAD, caseNo).get("stepId").asText()).isEqualTo("Task_DecideLicence");

		fails(this.api.post(OTHER, "/api/tasks/" + decide + "/send-back", Map.of("to", "Task_ReviewMaterials", "reason", "x")),
				403, "FORBIDDEN");
		fails(this.api.post(HEAD, "/api/tasks/" + decide + "/send-back", Map.of("to", "Task_IssueLicence", "reason", "x")),
				400, "SEND_BACK_NOT_ALLOWED");
		fails(this.api.post(HEAD, "/api/tasks/" + decide + "/send-back", Map.of("to", "Task_ReviewMaterials")), 400,
				"VALIDATION_FAILED");

		Api.Response back = this.api.post(HEAD, "/api/tasks/" + decide + "/send-back",
				Map.of("to", "Task_ReviewMaterials", "reason", "经营场所面积核算有误，请重新审查"));

		ok(back, 200);
		assertThat(back.json().get("assignee").asText()).isEqualTo(APPROVER);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", Integer.class, decide))
			.isZero();
		JsonNode review = this.steps.task(APPROVER, caseNo);
		assertThat(review.get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
		assertThat(review.get("assignee").asText()).isEqualTo(APPROVER);
		JsonNode line = last(caseNo, "SEND_BACK");
		assertThat(line.get("actor").asText()).isEqualTo(HEAD);
		assertThat(line.get("stepId").asText()).isEqualTo("Task_DecideLicence");
		assertThat(line.get("opinion").asText()).contains("审查申请材料").contains("面积核算有误");
		assertThat(this.api.get(APPROVER, "/api/notifications?unread=true").json().get("items").get(0).get("kind").asText())
			.isEqualTo("TASK_SENT_BACK");
		// 审查申请材料 names no earlier step: it cannot send back at all
		fails(this.api.post(APPROVER, "/api/tasks/" + review.get("id").asText() + "/send-back",
				Map.of("to", "Task_DecideLicence", "reason", "x")), 409, "SEND_BACK_NOT_ALLOWED");
		// and the case goes on from there
		this.steps.complete(APPROVER, caseNo, "APPROVE");
		assertThat(this.steps.task(HEAD, caseNo).get("stepId").asText()).isEqualTo("Task_DecideLicence");
	}

	@Test
	void leavesTheStepWhereItWasWhenSendingBackFailsAfterTheEnginesMove() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		this.steps.complete(APPROVER, caseNo, "APPROVE");
		String decide = this.steps.task(HEAD, caseNo).get("id").asText();
		failOn("TASK_SENT_BACK");
		Map<String, List<String>> before = snapshot();

		isInternalError(this.api.post(HEAD, "/api/tasks/" + decide + "/send-back",
				Map.of("to", "Task_ReviewMaterials", "reason", "请重新审查")));

		assertThat(snapshot()).as("no moved task, no timeline line").isEqualTo(before);
		assertThat(this.steps.task(HEAD, caseNo).get("id").asText()).isEqualTo(decide);
	}

	@Test
	void refusesADecisionTheDiagramDoesNotAllow() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		Map<String, List<String>> before = snapshot();
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/complete", Map.of("decision", "RETURN", "opinion", "x")), 400,
				"DECISION_NOT_ALLOWED");
		assertThat(snapshot()).isEqualTo(before);
	}

	// 征求意见

	@Test
	void asksAnotherDepartmentWhichAnswersWithinItsOwnLimitWhileTheStepStaysWithItsApprover() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/claim", Map.of()), 204);

		Api.Response asked = this.api.post(APPROVER, "/api/tasks/" + task + "/consultations",
				Map.of("group", "dept-wjj", "question", "该场所是否需要卫生许可？", "workdays", 3));

		ok(asked, 201);
		long id = asked.json().get("id").asLong();
		assertThat(OffsetDateTime.parse(asked.json().get("dueDate").asText()).toInstant())
			.isEqualTo(this.calendar.due(Instant.parse("2026-07-06T02:00:00Z"), 3));
		assertThat(asked.json().get("state").asText()).isEqualTo("OPEN");
		assertThat(assignee(task)).as("the step is not given away").isEqualTo(APPROVER);
		assertThat(last(caseNo, "CONSULTATION").get("opinion").asText()).contains("dept-wjj").contains("卫生许可");
		JsonNode open = this.api.get(OTHER, "/api/consultations").json();
		assertThat(StreamSupport.stream(open.spliterator(), false).map(c -> c.get("id").asLong())).contains(id);
		assertThat(this.api.get(OTHER, "/api/notifications?unread=true").json().get("items").get(0).get("kind").asText())
			.isEqualTo("OPINION_REQUESTED");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/consultations",
				Map.of("group", "dept-wjj", "question", "再问一次", "workdays", 3)), 409, "CONSULTATION_OPEN");
		fails(this.api.post("approver-zrzy", "/api/consultations/" + id + "/answer", Map.of("opinion", "x")), 403,
				"FORBIDDEN");
		fails(this.api.post(OTHER, "/api/consultations/" + id + "/answer", Map.of("opinion", " ")), 400,
				"VALIDATION_FAILED");

		Api.Response answered = this.api.post(OTHER, "/api/consultations/" + id + "/answer",
				Map.of("opinion", "需要，请申请人另行办理公共场所卫生许可"));

		ok(answered, 200);
		assertThat(answered.json().get("state").asText()).isEqualTo("ANSWERED");
		fails(this.api.post(OTHER, "/api/consultations/" + id + "/answer", Map.of("opinion", "再答")), 409,
				"CONSULTATION_ANSWERED");
		JsonNode line = last(caseNo, "CONSULTATION_ANSWER");
		assertThat(line.get("actor").asText()).isEqualTo(OTHER);
		assertThat(line.get("opinion").asText()).contains("另行办理");
		JsonNode ofTask = this.api.get(APPROVER, "/api/tasks/" + task + "/consultations").json();
		assertThat(ofTask.get(0).get("answer").asText()).contains("另行办理");
		assertThat(this.api.get(APPROVER, "/api/notifications?unread=true").json().get("items").get(0).get("kind").asText())
			.isEqualTo("OPINION_ANSWERED");
		fails(this.api.get("approver-zrzy", "/api/tasks/" + task + "/consultations"), 403, "FORBIDDEN");
		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE", "opinion", "同意")), 204);
	}

	@Test
	void refusesAConsultationOfTheOwnDepartmentOrByAnotherAndLeavesNothingWhenItFails() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		fails(this.api.post(OTHER, "/api/tasks/" + task + "/consultations",
				Map.of("group", "dept-zrzy", "question", "x", "workdays", 3)), 403, "FORBIDDEN");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/consultations",
				Map.of("group", "dept-scjg", "question", "x", "workdays", 3)), 400, "CONSULTATION_GROUP_INVALID");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/consultations",
				Map.of("group", "dept-wjj", "question", "x", "workdays", 0)), 400, "VALIDATION_FAILED");

		failOn("OPINION_REQUESTED");
		Map<String, List<String>> before = snapshot();
		isInternalError(this.api.post(APPROVER, "/api/tasks/" + task + "/consultations",
				Map.of("group", "dept-wjj", "question", "x", "workdays", 3)));
		assertThat(snapshot()).as("no consultation, no timeline line").isEqualTo(before);
	}

	// 抄送

	@Test
	void copiesAStepToPeopleAndGroupsWhoSeeItInTheirListAndMarkItRead() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		fails(this.api.post(OTHER, "/api/tasks/" + task + "/copies", Map.of("users", List.of(HEAD))), 403, "FORBIDDEN");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/copies", Map.of("users", List.of("nobody"))), 400,
				"VALIDATION_FAILED");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/copies", Map.of("note", "x")), 400, "VALIDATION_FAILED");

		ok(this.api.post(APPROVER, "/api/tasks/" + task + "/copies",
				Map.of("users", List.of(HEAD), "groups", List.of("dept-wjj"), "note", "请知悉该店扩建")), 201);

		JsonNode toHead = this.api.get(HEAD, "/api/copies?unread=true").json().get(0);
		assertThat(toHead.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(toHead.get("note").asText()).isEqualTo("请知悉该店扩建");
		JsonNode toGroup = this.api.get(OTHER, "/api/copies").json().get(0);
		assertThat(toGroup.get("recipient").asText()).isEqualTo("dept-wjj");
		assertThat(toGroup.get("read").asBoolean()).isFalse();
		fails(this.api.post("approver-zrzy", "/api/copies/" + toGroup.get("id").asText() + "/read", ""), 403, "FORBIDDEN");
		assertThat(this.api.post(OTHER, "/api/copies/" + toGroup.get("id").asText() + "/read", "").json().get("read")
			.asBoolean()).isTrue();
		assertThat(this.api.get(OTHER, "/api/copies?unread=true").json()).noneMatch(c -> c.get("caseNo").asText().equals(caseNo));
		assertThat(last(caseNo, "COPY").get("opinion").asText()).contains(HEAD).contains("dept-wjj");

		// a completed step is copied no more
		this.steps.complete(APPROVER, caseNo, "APPROVE");
		fails(this.api.post(APPROVER, "/api/tasks/" + task + "/copies", Map.of("users", List.of(HEAD))), 409, "TASK_DONE");
	}

	@Test
	void leavesNoCopyWhenCopyingFailsAfterItsFirstWrite() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		failOn("COPY");
		Map<String, List<String>> before = snapshot();
		isInternalError(this.api.post(APPROVER, "/api/tasks/" + task + "/copies", Map.of("users", List.of(HEAD, SECOND))));
		assertThat(snapshot()).isEqualTo(before);
	}

	// 常用意见, 已办, 我经手的, personal data

	@Test
	void keepsEachPersonsOwnOpinionPhrases() {
		Api.Response saved = this.api.post(SECOND, "/api/opinion-phrases", Map.of("text", "材料齐全，符合法定形式"));
		ok(saved, 201);
		fails(this.api.post(SECOND, "/api/opinion-phrases", Map.of("text", "材料齐全，符合法定形式")), 409, "PHRASE_EXISTS");
		fails(this.api.post(SECOND, "/api/opinion-phrases", Map.of("text", "  ")), 400, "VALIDATION_FAILED");
		assertThat(this.api.get(SECOND, "/api/opinion-phrases").json()).anyMatch(p -> p.get("text").asText().equals("材料齐全，符合法定形式"));
		assertThat(this.api.get(OTHER, "/api/opinion-phrases").json()).noneMatch(p -> p.get("text").asText().equals("材料齐全，符合法定形式"));
		String id = saved.json().get("id").asText();
		fails(this.api.delete(OTHER, "/api/opinion-phrases/" + id), 404, "PHRASE_NOT_FOUND");
		ok(this.api.delete(SECOND, "/api/opinion-phrases/" + id), 204);
		assertThat(this.api.get(SECOND, "/api/opinion-phrases").json()).noneMatch(p -> p.get("id").asText().equals(id));
	}

	@Test
	void listsTheStepsIDidWithMyDecisionAndTheCasesITouchedWithTheirState() {
		// an approver of their own: the shared context's other tests do steps too, some later on the clock
		String doer = "approver-done-" + System.nanoTime() % 1_000_000;
		TestUsers.ensure(this.identity, doer, "已办审批人", "市场监管", "dept-scjg");
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		ok(this.api.post(doer, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE", "opinion", "材料齐全")), 204);

		JsonNode done = this.api.get(doer, "/api/tasks/done?size=5").json();
		assertThat(done.get("total").asLong()).isEqualTo(1);
		JsonNode first = done.get("items").get(0);
		assertThat(first.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(first.get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
		assertThat(first.get("decision").asText()).isEqualTo("APPROVE");
		assertThat(first.get("opinion").asText()).isEqualTo("材料齐全");
		assertThat(first.get("caseStatus").asText()).isEqualTo("IN_PROGRESS");
		fails(this.api.get(doer, "/api/tasks/done?size=0"), 400, "BAD_PARAMETER");

		JsonNode touched = this.api.get(doer, "/api/cases/touched").json().get("items");
		assertThat(touched).hasSize(1);
		assertThat(touched.get(0).get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(touched.get(0).get("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(touched.get(0).get("open").asBoolean()).isTrue();
		assertThat(this.api.get(SECOND, "/api/cases/touched").json().get("items"))
			.noneMatch(c -> c.get("caseNo").asText().equals(caseNo));
	}

	@Test
	void revealsTheApplicantsFullDataOnlyToTheOwningDepartmentAndRecordsEveryReveal() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		assertThat(this.steps.caseDetail(caseNo).get("applicant").get("idNumber").asText()).contains("*");

		Api.Response shown = this.api.post(APPROVER, "/api/cases/" + caseNo + "/applicant/reveal", Map.of("reason", "核对身份"));

		ok(shown, 200);
		assertThat(shown.json().get("idNumber").asText()).isEqualTo(Applicants.COMPANY_CODE);
		assertThat(shown.json().get("phone").asText()).isEqualTo("13812345678");
		assertThat(this.jdbc.queryForList("SELECT user_id FROM personal_data_reveal WHERE case_no = ?", String.class, caseNo))
			.containsExactly(APPROVER);
		Map<String, List<String>> before = snapshot();
		for (String user : List.of(OTHER, "supervisor", "head-wjj")) {
			fails(this.api.post(user, "/api/cases/" + caseNo + "/applicant/reveal", ""), 403, "FORBIDDEN");
		}
		assertThat(snapshot()).as("no reveal recorded for the refused").isEqualTo(before);
		assertThat(this.steps.caseDetail(caseNo).get("applicant").get("idNumber").asText()).as("masked elsewhere").contains("*");
		fails(this.api.post(APPROVER, "/api/cases/NO-SUCH/applicant/reveal", ""), 404, "CASE_NOT_FOUND");
	}

	@Test
	void answersMalformedInputWithTheErrorBodyAndChangesNothing() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = reviewTask(caseNo);
		Map<String, List<String>> before = snapshot();
		for (Api.Response bad : List.of(
				this.api.post(APPROVER, "/api/tasks/" + task + "/transfer", "{\"to\": "),
				this.api.post(APPROVER, "/api/tasks/" + task + "/consultations", "{\"group\":\"dept-wjj\",\"question\":\"x\",\"workdays\":\"三\"}"),
				this.api.post(APPROVER, "/api/tasks/" + task + "/copies", "{\"users\": \"head-scjg\"}"),
				this.api.post(APPROVER, "/api/tasks/" + task + "/send-back", "{\"to\":\"Task_ReviewMaterials\",\"reason\":\"a\\u0000b\"}"),
				this.api.post(OTHER, "/api/consultations/abc/answer", Map.of("opinion", "x")),
				this.api.post(APPROVER, "/api/notifications/abc/read", ""),
				this.api.get(APPROVER, "/api/notifications?limit=0"),
				this.api.get(APPROVER, "/api/copies?limit=100000"))) {
			assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
			assertThat(bad.json().path("error").asText()).as(bad.toString()).isNotEmpty();
			assertThat(bad.json().path("message").asText()).as(bad.toString()).contains("/ ");
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	// helpers

	private String reviewTask(String caseNo) {
		JsonNode task = this.steps.task(APPROVER, caseNo);
		assertThat(task.get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
		return task.get("id").asText();
	}

	private String assignee(String task) {
		return this.jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task);
	}

	private Object dueDate(String task) {
		return this.jdbc.queryForObject("SELECT DUE_DATE_ FROM ACT_RU_TASK WHERE ID_ = ?", Object.class, task);
	}

	private JsonNode last(String caseNo, String kind) {
		List<JsonNode> lines = this.steps.timeline(caseNo, kind);
		assertThat(lines).as(kind + " on the timeline of " + caseNo).isNotEmpty();
		return lines.get(lines.size() - 1);
	}

	/** The notification of this kind fails: the operation's last write, after the engine's and the timeline's. */
	private void failOn(String kind) {
		doThrow(new IllegalStateException("injected: fails at the " + kind + " notification")).when(this.notifier)
			.send(argThat(n -> n != null && kind.equals(n.kind())));
	}

	private static void ok(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

	private static void fails(Api.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().path("error").asText()).as(response.toString()).isEqualTo(code);
		assertThat(response.json().path("message").asText()).as("Chinese and English").contains("/ ");
	}

	private static void isInternalError(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(500);
		assertThat(response.json().path("error").asText()).isEqualTo("INTERNAL_ERROR");
		assertThat(response.body()).doesNotContain("injected");
	}

	/** Every row of every table an action writes to, as text, in a stable order. */
	private Map<String, List<String>> snapshot() {
		return TableSnapshot.of(this.jdbc, TABLES);
	}

}
