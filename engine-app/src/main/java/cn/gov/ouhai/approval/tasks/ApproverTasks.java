package cn.gov.ouhai.approval.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.CaseVariables;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * What an approver may see and do. A user works a task when it is assigned to it or offered to one
 * of its groups; everything else is 403, whatever the task id.
 */
@Service
class ApproverTasks {

	/** Extension property on a user task listing the decisions the step allows. */
	static final String DECISIONS_PROPERTY = "decisions";

	private static final int MAX_LISTED = 500;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final Cases cases;

	private final Catalog catalog;

	ApproverTasks(TaskService tasks, RepositoryService repository, Cases cases, Catalog catalog) {
		this.tasks = tasks;
		this.repository = repository;
		this.cases = cases;
		this.catalog = catalog;
	}

	List<TaskView> list(CurrentUser user, boolean mine, String group, String light) {
		TaskQuery query = this.tasks.createTaskQuery().active();
		if (mine) {
			query.taskAssignee(user.id());
		}
		else if (group != null) {
			if (!user.in(group)) {
				throw ApiException.forbidden("您不在该组 / You are not in group " + group);
			}
			query.taskCandidateGroup(group).includeAssignedTasks();
		}
		else if (user.groups().isEmpty()) {
			query.taskAssignee(user.id());
		}
		else {
			query.or().taskAssignee(user.id()).taskCandidateGroupIn(List.copyOf(user.groups())).endOr();
		}
		List<Task> found = query.listPage(0, MAX_LISTED);
		Map<String, CaseRecord> casesByProcess = this.cases
			.byProcessInstances(found.stream().map(Task::getProcessInstanceId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(CaseRecord::processInstanceId, Function.identity()));
		Instant now = EngineClock.now();
		return found.stream()
			.map(task -> view(task, casesByProcess.get(task.getProcessInstanceId()), now))
			.filter(view -> light == null || light.equalsIgnoreCase(view.light()))
			.sorted(Comparator.comparing(TaskView::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(TaskView::created))
			.toList();
	}

	void claim(CurrentUser user, String taskId) {
		Task task = workable(user, taskId);
		if (user.id().equals(task.getAssignee())) {
			return;
		}
		try {
			this.tasks.claim(taskId, user.id());
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
			throw ApiException.conflict("TASK_CLAIMED", "任务已被他人认领 / The task was claimed by someone else");
		}
	}

	void unclaim(CurrentUser user, String taskId) {
		Task task = workable(user, taskId);
		if (task.getAssignee() != null && !task.getAssignee().equals(user.id()) && !user.admin()) {
			throw ApiException.forbidden("只能退回自己认领的任务 / Only the assignee may unclaim");
		}
		this.tasks.setAssignee(taskId, null);
	}

	void complete(CurrentUser user, String taskId, CompleteRequest request) {
		Task task = workable(user, taskId);
		List<String> allowed = decisions(task);
		if (!allowed.contains(request.decision().name())) {
			throw ApiException.badRequest("DECISION_NOT_ALLOWED",
					"此环节不能作出该决定 / This step does not allow " + request.decision(),
					Map.of("decision", "可选 / allowed: " + String.join(", ", allowed)));
		}
		try {
			if (task.getAssignee() == null) {
				this.tasks.claim(taskId, user.id());
			}
			this.tasks.complete(taskId, Map.of(CaseVariables.DECISION, request.decision().name(),
					CaseVariables.OPINION, request.opinion() == null ? "" : request.opinion()));
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
			throw ApiException.conflict("TASK_TAKEN",
					"任务已被他人认领或办理 / The task was claimed or completed by someone else");
		}
	}

	/** The task, if this user may work it; 404 if it does not exist, 403 or 409 otherwise. */
	private Task workable(CurrentUser user, String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw ApiException.notFound("TASK_NOT_FOUND", "没有这个任务或已办结 / No such open task: " + taskId);
		}
		if (user.id().equals(task.getAssignee())) {
			return task;
		}
		Set<String> candidates = candidateGroups(taskId);
		boolean offered = candidates.stream().anyMatch(user::in);
		if (!offered && !user.admin()) {
			throw ApiException.forbidden("该任务不属于您的部门 / This task belongs to another department");
		}
		if (task.getAssignee() != null && !user.admin()) {
			throw ApiException.conflict("TASK_CLAIMED",
					"任务已由 " + task.getAssignee() + " 认领 / The task is claimed by " + task.getAssignee());
		}
		return task;
	}

	private Set<String> candidateGroups(String taskId) {
		return this.tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.collect(Collectors.toSet());
	}

	private List<String> decisions(Task task) {
		UserTask element = this.repository.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		if (element != null && element.getExtensionElements() != null) {
			for (CamundaProperty property : element.getExtensionElements()
				.getElementsQuery()
				.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
				.list()
				.stream()
				.flatMap(p -> p.getCamundaProperties().stream())
				.toList()) {
				if (DECISIONS_PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
					return Arrays.stream(property.getCamundaValue().split(",")).map(String::trim).toList();
				}
			}
		}
		return Arrays.stream(Decision.values()).map(Enum::name).toList();
	}

	private TaskView view(Task task, CaseRecord record, Instant now) {
		Matter matter = record == null ? null : this.catalog.matter(record.matterCode()).orElse(null);
		Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		String light = due != null && due.isBefore(now) ? "RED" : "GREEN";
		return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(),
				record == null ? null : record.caseNo(), record == null ? null : record.matterCode(),
				matter == null ? null : matter.name(), task.getAssignee(), new ArrayList<>(candidateGroups(task.getId())),
				EngineClock.local(task.getCreateTime().toInstant()), EngineClock.local(due), light, decisions(task));
	}

}
