package cn.gov.ouhai.approval.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.sla.Notification;
import cn.gov.ouhai.approval.sla.Notifier;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * 督办: a supervisor's order about a case reaches the department's heads as a task of
 * {@code Process_CaseUrge} (with the diagram's own answer limit) and as a notification; it goes on
 * the case's timeline; the diagram's timer marks it overdue and reports it when no answer comes.
 */
@Service
class Urges {

	static final String PROCESS_KEY = "Process_CaseUrge";

	static final String ANSWER_STEP = "Task_AnswerUrge";

	static final String URGE_ID = UrgeVariables.URGE_ID;

	private static final Logger log = LoggerFactory.getLogger(Urges.class);

	private final UrgeMapper mapper;

	private final Cases cases;

	private final Catalog catalog;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final Notifier notifier;

	Urges(UrgeMapper mapper, Cases cases, Catalog catalog, RuntimeService runtime, TaskService tasks,
			Notifier notifier) {
		this.mapper = mapper;
		this.cases = cases;
		this.catalog = catalog;
		this.runtime = runtime;
		this.tasks = tasks;
		this.notifier = notifier;
	}

	/** The catalog's department names by code, for the urges' views. */
	Map<String, String> departmentNames() {
		return this.catalog.departments().stream().collect(Collectors.toMap(d -> d.code(), d -> d.name()));
	}

	@Transactional
	public Urge issue(String caseNo, String message, CurrentUser user) {
		if (!user.in(Groups.SUPERVISOR) && !user.admin()) {
			throw ApiException.forbidden("只有中心督查可以督办 / Only supervisors urge");
		}
		CaseRecord record = this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
		if (!record.status().open()) {
			throw ApiException.conflict("CASE_NOT_OPEN",
					"办件已办结或未受理，无需督办 / The case is not in progress: nothing to urge");
		}
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		Instant now = EngineClock.now();
		UrgeMapper.GeneratedKey key = new UrgeMapper.GeneratedKey();
		this.mapper.insert(caseNo, matter.department().code(), message.trim(), user.id(), now, key);
		long id = key.getId();
		ProcessInstance instance = this.runtime.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(caseNo)
			.setVariables(Map.of("caseNo", caseNo, URGE_ID, id, UrgeVariables.HEAD_GROUP, matter.department().headGroup(),
					UrgeVariables.DEPARTMENT_GROUP, matter.department().approverGroup()))
			.execute();
		Task task = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		Instant due = task == null || task.getDueDate() == null ? null : task.getDueDate().toInstant();
		this.mapper.linkProcess(id, instance.getId(), due);
		this.cases.note(caseNo, "URGE", ANSWER_STEP, "督办", user.id(), "URGE", message.trim());
		String dueText = due == null ? "" : "，请于 " + WorkdayCalendar.lastDayOf(due) + " 前答复";
		this.notifier.send(new Notification(caseNo, matter.department().headGroup(), "URGE",
				"【督办】办件 " + caseNo + "（" + matter.name() + "）：" + message.trim() + dueText, now));
		log.info("urge {} of {} to {} by {}", id, caseNo, matter.department().headGroup(), user.id());
		return this.mapper.find(id);
	}

	/** The department's head answers (or through Tasklist's 答复督办 form). */
	@Transactional
	public Urge answer(long id, String answer, CurrentUser user) {
		Urge urge = find(id);
		if (!user.in("head-" + urge.departmentCode()) && !user.admin()) {
			throw ApiException.forbidden("督办由" + urge.departmentCode() + "部门负责人答复 / The department's head answers the urge");
		}
		Task task = urge.processInstanceId() == null ? null
				: this.tasks.createTaskQuery().processInstanceId(urge.processInstanceId()).taskDefinitionKey(ANSWER_STEP)
					.singleResult();
		if (task == null) {
			throw ApiException.conflict("URGE_ANSWERED", "该督办已答复 / The urge was answered already");
		}
		this.mapper.answer(id, answer.trim(), user.id());
		if (task.getAssignee() == null) {
			this.tasks.claim(task.getId(), user.id());
		}
		this.tasks.complete(task.getId(), Map.of("opinion", answer.trim()));
		return find(id);
	}

	Urge find(long id) {
		Urge urge = this.mapper.find(id);
		if (urge == null) {
			throw ApiException.notFound("URGE_NOT_FOUND", "没有这条督办 / No such urge: " + id);
		}
		return urge;
	}

	List<Urge> list(UrgeState state, String caseNo, String department, int limit) {
		return this.mapper.list(state, caseNo, department, limit);
	}

	/** The urge diagram reached an end marked {@code urgeState}. */
	@Transactional
	void reached(long id, UrgeState state, String opinion, String actor) {
		if (state == UrgeState.OVERDUE) {
			this.mapper.overdue(id);
		}
		else if (state == UrgeState.ANSWERED) {
			this.mapper.answered(id, EngineClock.now(), opinion, actor);
		}
	}

}
