package cn.gov.ouhai.approval.tasks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.Notification;
import cn.gov.ouhai.approval.sla.Notifier;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.tasks.ConsultationMapper.Consultation;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * 征求意见: a step asks another department's group for an opinion, with a limit of its own in working
 * days; the step stays with its approver, who sees the answer on the case's timeline and in the
 * step's list of consultations. Nothing of it goes into process variables.
 */
@Service
class Consultations {

	static final int MAX_LISTED = 200;

	private final TaskOperations operations;

	private final ConsultationMapper mapper;

	private final Cases cases;

	private final IdentityService identity;

	private final TaskService tasks;

	private final HistoryService history;

	private final WorkdayCalendar calendar;

	private final Notifier notifier;

	Consultations(TaskOperations operations, ConsultationMapper mapper, Cases cases, IdentityService identity,
			TaskService tasks, HistoryService history, WorkdayCalendar calendar, Notifier notifier) {
		this.operations = operations;
		this.mapper = mapper;
		this.cases = cases;
		this.identity = identity;
		this.tasks = tasks;
		this.history = history;
		this.calendar = calendar;
		this.notifier = notifier;
	}

	@Transactional
	ConsultationView ask(CurrentUser user, String taskId, OperationRequests.Consult request) {
		TaskOperations.Step step = this.operations.actionable(user, taskId);
		Task task = step.task();
		String own = this.operations.departmentOf(step.record()).approverGroup();
		if (!request.group().startsWith("dept-") || request.group().equals(own)
				|| this.identity.createGroupQuery().groupId(request.group()).count() == 0) {
			throw ApiException.badRequest("CONSULTATION_GROUP_INVALID",
					"只能向其他部门的审批组（dept-…）征求意见 / Ask another department's approver group (dept-…)",
					Map.of("group", request.group().equals(own) ? "本部门 / your own department" : "没有这个部门组 / no such department group"));
		}
		if (this.mapper.openFor(taskId, request.group()) > 0) {
			throw ApiException.conflict("CONSULTATION_OPEN",
					"已向该部门征求意见，尚未答复 / This department has not yet answered the step's earlier request");
		}
		Instant now = EngineClock.now();
		Instant due = this.calendar.due(now, request.workdays());
		Consultation row = new Consultation(0, step.record().caseNo(), taskId, task.getTaskDefinitionKey(), task.getName(),
				user.id(), request.group(), request.question(), request.workdays(), now, due, null, null, null);
		ConsultationMapper.GeneratedKey key = new ConsultationMapper.GeneratedKey();
		this.mapper.insert(row, key);
		this.cases.note(row.caseNo(), "CONSULTATION", row.stepId(), row.stepName(), user.id(), "CONSULT",
				"向 " + request.group() + " 征求意见（" + request.workdays() + " 个工作日内答复）：" + request.question());
		send(row.caseNo(), request.group(), "OPINION_REQUESTED", "【征求意见】" + user.id() + " 就办件 " + row.caseNo() + " 的「"
				+ row.stepName() + "」征求贵部门意见，请在 " + request.workdays() + " 个工作日内答复：" + request.question());
		return ConsultationView.of(this.mapper.find(key.getId()));
	}

	@Transactional
	ConsultationView answer(CurrentUser user, long id, OperationRequests.Answer request) {
		Consultation row = this.mapper.find(id);
		if (row == null) {
			throw ApiException.notFound("CONSULTATION_NOT_FOUND", "没有这个征求意见 / No such consultation: " + id);
		}
		if (!user.in(row.groupId())) {
			throw ApiException.forbidden("只有被征求意见的部门可以答复 / Only the department asked may answer");
		}
		Instant now = EngineClock.now();
		if (row.answeredAt() != null || this.mapper.answer(id, user.id(), request.opinion(), now) == 0) {
			throw ApiException.conflict("CONSULTATION_ANSWERED", "该征求意见已答复 / The consultation was already answered");
		}
		this.cases.note(row.caseNo(), "CONSULTATION_ANSWER", row.stepId(), row.stepName(), user.id(), "ANSWER",
				row.groupId() + " 答复征求意见：" + request.opinion());
		send(row.caseNo(), row.askedBy(), "OPINION_ANSWERED", "【意见已答复】" + row.groupId() + " 已答复办件 " + row.caseNo()
				+ " 的征求意见：" + request.opinion());
		return ConsultationView.of(this.mapper.find(id));
	}

	/** Addressed to the user's groups ({@code open}: not yet answered), or asked by the user. */
	List<ConsultationView> list(CurrentUser user, boolean asked, boolean open, int limit) {
		List<Consultation> rows;
		if (asked) {
			rows = this.mapper.askedBy(user.id(), limit);
		}
		else {
			rows = user.groups().isEmpty() ? List.of() : this.mapper.addressedTo(user.groups(), open, limit);
		}
		return rows.stream().map(ConsultationView::of).toList();
	}

	/** A step's consultations, for those who may see its case or were asked. */
	List<ConsultationView> ofTask(CurrentUser user, String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		String processInstanceId = task != null ? task.getProcessInstanceId() : null;
		if (processInstanceId == null) {
			HistoricTaskInstance done = this.history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
			if (done == null) {
				throw ApiException.notFound("TASK_NOT_FOUND", "没有这个任务 / No such task: " + taskId);
			}
			processInstanceId = done.getProcessInstanceId();
		}
		List<Consultation> rows = this.mapper.ofTask(taskId);
		List<CaseRecord> record = this.cases.byProcessInstances(List.of(processInstanceId));
		boolean asked = rows.stream().anyMatch(row -> user.in(row.groupId()));
		boolean own = !record.isEmpty()
				&& user.departments().contains(this.operations.departmentOf(record.get(0)).code());
		if (!asked && !own && !user.seesAllDepartments()) {
			throw ApiException.forbidden("该办件不属于您的部门 / This case belongs to another department");
		}
		return rows.stream().map(ConsultationView::of).toList();
	}

	private void send(String caseNo, String addressee, String kind, String message) {
		this.notifier.send(new Notification(caseNo, addressee, kind,
				message.length() > 500 ? message.substring(0, 499) + "…" : message, EngineClock.now()));
	}

	/** A consultation as the API answers it; {@code overdue} when unanswered past its limit. */
	record ConsultationView(long id, String caseNo, String taskId, String stepId, String step, String askedBy,
			String group, String question, int workdays, OffsetDateTime askedAt, OffsetDateTime dueDate,
			String state, String answeredBy, String answer, OffsetDateTime answeredAt) {

		static ConsultationView of(Consultation row) {
			String state = row.answeredAt() != null ? "ANSWERED"
					: EngineClock.now().isAfter(row.dueAt()) ? "OVERDUE" : "OPEN";
			return new ConsultationView(row.id(), row.caseNo(), row.taskId(), row.stepId(), row.stepName(), row.askedBy(),
					row.groupId(), row.question(), row.workdays(), EngineClock.local(row.askedAt()),
					EngineClock.local(row.dueAt()), state, row.answeredBy(), row.answer(), EngineClock.local(row.answeredAt()));
		}

	}

}
