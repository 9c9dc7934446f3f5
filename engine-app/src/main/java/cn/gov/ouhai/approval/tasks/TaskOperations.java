package cn.gov.ouhai.approval.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Department;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.sla.Notification;
import cn.gov.ouhai.approval.sla.Notifier;
import cn.gov.ouhai.approval.sla.PauseKind;
import cn.gov.ouhai.approval.sla.StepLimits;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * The workbench's step operations: 转办 (transfer, also in a batch by a head), 委派 (Camunda's
 * delegation and its resolution) and 退回 (back to an earlier step the diagram names). Each checks
 * the diagram and the user, writes its line on the case's timeline and notifies the person who now
 * has the step, all in one transaction: the engine's commands first, the timeline and the
 * notification after them, so a failure anywhere leaves the task where it was and no line behind.
 */
@Service
class TaskOperations {

	/** Extension property on a user task: the earlier steps it may send the case back to (comma list). */
	static final String RETURN_TO_PROPERTY = "returnTo";

	private final ApproverTasks approver;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final IdentityService identity;

	private final Cases cases;

	private final Catalog catalog;

	private final StepLimits steps;

	private final CaseClocks clocks;

	private final Notifier notifier;

	TaskOperations(ApproverTasks approver, TaskService tasks, RuntimeService runtime, HistoryService history,
			IdentityService identity, Cases cases, Catalog catalog, StepLimits steps, CaseClocks clocks,
			Notifier notifier) {
		this.approver = approver;
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.identity = identity;
		this.cases = cases;
		this.catalog = catalog;
		this.steps = steps;
		this.clocks = clocks;
		this.notifier = notifier;
	}

	/** 转办: the step's assignee becomes a named colleague of one of its candidate groups. */
	@Transactional
	void transfer(CurrentUser user, String taskId, OperationRequests.Transfer request) {
		String to = request.target();
		if (to == null || to.isBlank()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "请指定转办给谁 / Name the colleague to transfer to",
					Map.of("to", "必填 / required"));
		}
		Step step = actionable(user, taskId);
		notDelegated(step.task());
		Map<String, String> problems = new LinkedHashMap<>();
		checkColleague(to, this.approver.candidateGroups(taskId), "to", problems);
		if (to.equals(step.task().getAssignee())) {
			problems.put("to", "任务已由该同事办理 / the task is already assigned to " + to);
		}
		if (!problems.isEmpty()) {
			throw ApiException.badRequest("TRANSFER_TARGET_INVALID", "不能转办给该同事 / Cannot transfer to " + to, problems);
		}
		transferOne(user, step, to, request.reason());
	}

	/**
	 * 批量转办: a head ({@code head-…}) hands the listed steps, or every step assigned to a colleague
	 * who is away, to another colleague. All of them or none.
	 */
	@Transactional
	List<String> transferBatch(CurrentUser user, OperationRequests.BatchTransfer request) {
		boolean byIds = request.taskIds() != null && !request.taskIds().isEmpty();
		boolean byFrom = request.from() != null && !request.from().isBlank();
		if (byIds == byFrom) {
			throw ApiException.badRequest("VALIDATION_FAILED", "请给出 taskIds 或 from 之一 / Give either taskIds or from",
					Map.of("taskIds", "taskIds 与 from 二选一 / either taskIds or from"));
		}
		if (user.groups().stream().noneMatch(g -> g.startsWith("head-")) && !user.admin()) {
			throw ApiException.forbidden("只有部门负责人可以批量转办 / Only a department head may transfer in a batch");
		}
		List<Task> found;
		if (byIds) {
			found = new ArrayList<>();
			Map<String, String> missing = new LinkedHashMap<>();
			for (int i = 0; i < request.taskIds().size(); i++) {
				Task task = this.tasks.createTaskQuery().taskId(request.taskIds().get(i)).singleResult();
				if (task == null) {
					missing.put("taskIds[" + i + "]", "没有这个待办任务 / no such open task");
				}
				else {
					found.add(task);
				}
			}
			if (!missing.isEmpty()) {
				throw ApiException.badRequest("TASK_NOT_FOUND", "有任务不存在或已办结 / Some tasks are not open", missing);
			}
		}
		else {
			found = this.tasks.createTaskQuery().taskAssignee(request.from()).active().orderByDueDate().asc().list();
			found = found.stream().filter(task -> user.admin() || headOf(user, task)).toList();
		}
		List<Step> batch = new ArrayList<>();
		Map<String, String> problems = new LinkedHashMap<>();
		for (int i = 0; i < found.size(); i++) {
			Task task = found.get(i);
			if (!headOf(user, task) && !user.admin()) {
				throw ApiException.forbidden("任务 " + task.getId() + " 不属于您负责的部门 / Task " + task.getId()
						+ " is not of a department you head");
			}
			notDelegated(task);
			String field = byIds ? "taskIds[" + i + "]" : "to";
			checkColleague(request.to(), this.approver.candidateGroups(task.getId()), field, problems);
			batch.add(new Step(task, this.approver.caseOf(task)));
		}
		if (!problems.isEmpty()) {
			throw ApiException.badRequest("TRANSFER_TARGET_INVALID", "不能转办给该同事 / Cannot transfer to " + request.to(),
					problems);
		}
		for (Step step : batch) {
			if (!request.to().equals(step.task().getAssignee())) {
				transferOne(user, step, request.to(), request.reason());
			}
		}
		return batch.stream().map(step -> step.task().getId()).toList();
	}

	private void transferOne(CurrentUser user, Step step, String to, String reason) {
		Task task = step.task();
		String from = task.getAssignee();
		try {
			this.tasks.setAssignee(task.getId(), to);
		}
		catch (OptimisticLockingException raced) {
			throw taken();
		}
		this.cases.note(step.record().caseNo(), "TRANSFER", task.getTaskDefinitionKey(), task.getName(), user.id(),
				"TRANSFER", "转办" + (from == null || from.equals(user.id()) ? "" : "（原办理人 " + from + "）") + "给 " + to
						+ "。理由：" + reason);
		notify(step, to, "TASK_TRANSFERRED", "【转办】" + user.id() + " 将办件 " + step.record().caseNo() + " 的「"
				+ task.getName() + "」转办给您。理由：" + reason);
	}

	/** 委派: the delegate works the step and hands it back; the owner keeps it, and its limit. */
	@Transactional
	void delegate(CurrentUser user, String taskId, OperationRequests.Delegate request) {
		Step step = actionable(user, taskId);
		Task task = step.task();
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw ApiException.conflict("DELEGATION_PENDING",
					"任务已委派给 " + task.getAssignee() + "，尚未交回 / The task is already delegated to " + task.getAssignee());
		}
		Map<String, String> problems = new LinkedHashMap<>();
		Set<String> allowed = new java.util.HashSet<>(this.approver.candidateGroups(taskId));
		Department department = departmentOf(step.record());
		allowed.add(department.approverGroup());
		allowed.add(department.headGroup());
		checkColleague(request.to(), allowed, "to", problems);
		String owner = task.getAssignee() == null ? user.id() : task.getAssignee();
		if (request.to().equals(owner)) {
			problems.put("to", "不能委派给办理人自己 / cannot delegate to the task's own assignee");
		}
		if (!problems.isEmpty()) {
			throw ApiException.badRequest("DELEGATE_INVALID", "不能委派给该同事 / Cannot delegate to " + request.to(), problems);
		}
		try {
			if (task.getAssignee() == null) {
				this.tasks.setAssignee(taskId, owner);
			}
			this.tasks.delegateTask(taskId, request.to());
		}
		catch (OptimisticLockingException raced) {
			throw taken();
		}
		String reason = request.reason() == null || request.reason().isBlank() ? "" : "。说明：" + request.reason();
		this.cases.note(step.record().caseNo(), "DELEGATE", task.getTaskDefinitionKey(), task.getName(), user.id(),
				"DELEGATE", owner + " 委派给 " + request.to() + "，办理后交回" + reason);
		notify(step, request.to(), "TASK_DELEGATED", "【委派】" + owner + " 将办件 " + step.record().caseNo() + " 的「"
				+ task.getName() + "」委派给您，办理后请交回" + reason);
	}

	/** The delegate hands the step back to its owner, with an opinion. */
	@Transactional
	void resolve(CurrentUser user, String taskId, OperationRequests.Resolve request) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			// 404 or 409 as for any action
			this.approver.workable(user, taskId);
			throw ApiException.notFound("TASK_NOT_FOUND", "没有这个任务或已办结 / No such open task: " + taskId);
		}
		if (!user.id().equals(task.getAssignee())) {
			throw ApiException.forbidden("只有受委派人可以交回任务 / Only the delegate may resolve the task");
		}
		if (task.getDelegationState() != DelegationState.PENDING) {
			throw ApiException.conflict("NOT_DELEGATED", "该任务不是委派给您的任务 / The task is not delegated to you");
		}
		CaseRecord record = this.approver.caseOf(task);
		try {
			this.tasks.resolveTask(taskId);
		}
		catch (OptimisticLockingException raced) {
			throw taken();
		}
		String opinion = request == null || request.opinion() == null || request.opinion().isBlank() ? ""
				: "。意见：" + request.opinion();
		this.cases.note(record.caseNo(), "RESOLVE", task.getTaskDefinitionKey(), task.getName(), user.id(), "RESOLVE",
				"办理完毕，交回 " + task.getOwner() + opinion);
		notify(new Step(task, record), task.getOwner(), "TASK_RESOLVED", "【委派交回】" + user.id() + " 已办理办件 "
				+ record.caseNo() + " 的「" + task.getName() + "」并交回您" + opinion);
	}

	/**
	 * 退回: back to an earlier step named in the step's {@code returnTo} (the diagram draws it); the
	 * step is cancelled and the earlier one starts again, with whoever worked it last.
	 */
	@Transactional
	SentBack sendBack(CurrentUser user, String taskId, OperationRequests.SendBack request) {
		Step step = actionable(user, taskId);
		Task task = step.task();
		notDelegated(task);
		List<String> allowed = returnTo(task);
		if (allowed.isEmpty()) {
			throw ApiException.conflict("SEND_BACK_NOT_ALLOWED",
					"流程图未允许此环节退回 / The diagram does not let this step send the case back");
		}
		if (!allowed.contains(request.to())) {
			throw ApiException.badRequest("SEND_BACK_NOT_ALLOWED", "不能退回到该环节 / Cannot send back to " + request.to(),
					Map.of("to", "可选 / allowed: " + String.join(", ", allowed)));
		}
		if (this.clocks.pausedFor(step.record().caseNo()).filter(kind -> kind == PauseKind.SPECIAL_PROCEDURE).isPresent()) {
			throw ApiException.conflict("SPECIAL_PROCEDURE_RUNNING",
					"特别程序进行中，结束后才能退回 / End the special procedure before sending the case back");
		}
		String processInstanceId = task.getProcessInstanceId();
		ActivityInstance[] instances = this.runtime.getActivityInstance(processInstanceId)
			.getActivityInstances(task.getTaskDefinitionKey());
		String instanceId = Arrays.stream(instances)
			.filter(instance -> Arrays.asList(instance.getExecutionIds()).contains(task.getExecutionId()))
			.map(ActivityInstance::getId)
			.findFirst()
			.orElseThrow(() -> taken());
		try {
			// start the earlier step first: cancelling the only activity first would end the process
			this.runtime.createProcessInstanceModification(processInstanceId)
				.startBeforeActivity(request.to())
				.cancelActivityInstance(instanceId)
				.execute();
		}
		catch (OptimisticLockingException raced) {
			throw taken();
		}
		List<Task> started = this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(request.to())
			.list();
		String last = this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(request.to())
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.list()
			.stream()
			.map(HistoricTaskInstance::getAssignee)
			.filter(assignee -> assignee != null)
			.findFirst()
			.orElse(null);
		String stepName = started.isEmpty() ? request.to() : started.get(0).getName();
		// back to whoever worked the step last, while still in its groups; otherwise to the groups
		String previous = last != null && started.size() == 1
				&& this.approver.candidateGroups(started.get(0).getId()).stream().anyMatch(g -> member(last, g)) ? last : null;
		if (previous != null) {
			this.tasks.setAssignee(started.get(0).getId(), previous);
		}
		this.cases.note(step.record().caseNo(), "SEND_BACK", task.getTaskDefinitionKey(), task.getName(), user.id(),
				"SEND_BACK", "退回至「" + stepName + "」" + (previous == null ? "" : "，由 " + previous + " 重新办理") + "。理由："
						+ request.reason());
		String message = "【退回】" + user.id() + " 将办件 " + step.record().caseNo() + " 从「" + task.getName() + "」退回至「"
				+ stepName + "」。理由：" + request.reason();
		if (previous != null) {
			notify(step, previous, "TASK_SENT_BACK", message);
		}
		else {
			for (Task again : started) {
				for (String group : this.approver.candidateGroups(again.getId())) {
					notify(step, group, "TASK_SENT_BACK", message);
				}
			}
		}
		return new SentBack(step.record().caseNo(), request.to(), stepName,
				started.stream().map(Task::getId).toList(), previous);
	}

	record SentBack(String caseNo, String stepId, String step, List<String> taskIds, String assignee) {
	}

	/** The steps the diagram lets this one send the case back to. */
	List<String> returnTo(Task task) {
		String value = this.steps.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), RETURN_TO_PROPERTY);
		return value == null ? List.of()
				: Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	/**
	 * The step, when this user may act on it: its assignee, a member of its groups while nobody has
	 * claimed it, its owner while delegated, or the head of the case's department (who may act on a
	 * colleague's step).
	 */
	Step actionable(CurrentUser user, String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		boolean owner = task != null && task.getDelegationState() == DelegationState.PENDING && user.id().equals(task.getOwner());
		if (task != null && !user.id().equals(task.getAssignee()) && (owner || headOf(user, task))) {
			return new Step(task, this.approver.caseOf(task));
		}
		Task workable = this.approver.workable(user, taskId);
		return new Step(workable, this.approver.caseOf(workable));
	}

	/** Whether the user heads the department of the step's case. */
	boolean headOf(CurrentUser user, Task task) {
		List<CaseRecord> record = this.cases.byProcessInstances(List.of(task.getProcessInstanceId()));
		return !record.isEmpty() && user.in(departmentOf(record.get(0)).headGroup());
	}

	Department departmentOf(CaseRecord record) {
		return this.catalog.matter(record.matterCode()).orElseThrow().department();
	}

	private void notDelegated(Task task) {
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw ApiException.conflict("DELEGATION_PENDING", "任务已委派给 " + task.getAssignee()
					+ "，交回后才能办理 / The task is delegated to " + task.getAssignee() + " until it is resolved");
		}
	}

	/** A colleague: a user who exists and is in one of the groups. */
	private void checkColleague(String userId, Set<String> groups, String field, Map<String, String> problems) {
		if (this.identity.createUserQuery().userId(userId).count() == 0) {
			problems.put(field, "没有这个用户 / no such user: " + userId);
			return;
		}
		Set<String> his = this.identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toSet());
		if (groups.stream().noneMatch(his::contains)) {
			problems.put(field, userId + " 不在该环节的办理组（" + String.join("、", groups) + "）/ " + userId
					+ " is not in the step's groups");
		}
	}

	private boolean member(String userId, String group) {
		return this.identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
	}

	private void notify(Step step, String addressee, String kind, String message) {
		this.notifier.send(new Notification(step.record().caseNo(), addressee, kind,
				message.length() > 500 ? message.substring(0, 499) + "…" : message, EngineClock.now()));
	}

	private static ApiException taken() {
		return ApiException.conflict("TASK_TAKEN", "任务已被他人认领或办理 / The task was claimed or completed by someone else");
	}

	/** A step of a case and the case. */
	record Step(Task task, CaseRecord record) {
	}

}
