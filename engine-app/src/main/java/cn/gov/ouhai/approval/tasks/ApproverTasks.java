package cn.gov.ouhai.approval.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.cases.CaseOfProcess;
import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.CaseVariables;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.engine.ModelProperties;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.sla.Light;
import cn.gov.ouhai.approval.sla.PauseKind;
import cn.gov.ouhai.approval.sla.SpecialProcedure;
import cn.gov.ouhai.approval.sla.StepLights;
import cn.gov.ouhai.approval.sla.StepLimits;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * What an approver may see and do. A user works a task when it is assigned to it or offered to one
 * of its groups; everything else is 403, whatever the task id. Each action is one transaction, the
 * engine's commands joining it: a failure anywhere leaves the task, the case and its clock as they
 * were (no task claimed but not completed, no materials asked for without the step interrupted).
 */
@Service
class ApproverTasks {

	/** Extension property on a user task listing the decisions the step allows. */
	static final String DECISIONS_PROPERTY = "decisions";

	/** Message the diagrams' supplement boundary events wait for. */
	static final String SUPPLEMENT_REQUESTED = "SupplementRequested";

	/** Variable the supplement deadline timer reads: {@code ${sla.workdaysFromNow(supplementWorkdays)}}. */
	static final String SUPPLEMENT_WORKDAYS = "supplementWorkdays";

	/** The most urgent first, at most this many (a desk's screen shows far fewer: {@code limit} asks for a page). */
	static final int DEFAULT_LISTED = 500;

	static final int MAX_LISTED = 500;

	/**
	 * Red before yellow before green; within a light, the green channel (higher priority) first,
	 * then the earliest due; no due date last.
	 */
	private static final Comparator<TaskView> MOST_URGENT_FIRST = Comparator
		.comparing((TaskView view) -> Light.valueOf(view.light()), Comparator.reverseOrder())
		.thenComparing(TaskView::priority, Comparator.reverseOrder())
		.thenComparing(TaskView::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(TaskView::created);

	private final TaskService tasks;

	private final RepositoryService repository;

	private final Cases cases;

	private final Catalog catalog;

	private final RuntimeService runtime;

	private final StepLimits steps;

	private final StepLights lights;

	private final WorkdayCalendar calendar;

	private final CaseClocks clocks;

	private final HistoryService history;

	private final Map<String, List<String>> decisionsByStep = new java.util.concurrent.ConcurrentHashMap<>();

	private final CandidateGroupMapper candidateGroups;

	private final WorkableTaskMapper workable;

	ApproverTasks(TaskService tasks, RepositoryService repository, RuntimeService runtime, Cases cases, Catalog catalog,
			StepLimits steps, WorkdayCalendar calendar, CaseClocks clocks, HistoryService history,
			CandidateGroupMapper candidateGroups, WorkableTaskMapper workable, StepLights lights) {
		this.workable = workable;
		this.lights = lights;
		this.history = history;
		this.candidateGroups = candidateGroups;
		this.tasks = tasks;
		this.repository = repository;
		this.runtime = runtime;
		this.cases = cases;
		this.catalog = catalog;
		this.steps = steps;
		this.calendar = calendar;
		this.clocks = clocks;
	}

	List<TaskView> list(CurrentUser user, boolean mine, String group, String light, int limit) {
		// a head (head-X) sees the department's approver group (dept-X) too: the head's view
		boolean headOfGroup = group != null && group.startsWith("dept-") && user.in("head-" + group.substring(5));
		if (!mine && group != null && !user.in(group) && !headOfGroup) {
			throw ApiException.forbidden("您不在该组 / You are not in group " + group);
		}
		// the most urgent by due date (every step has one: the model conventions), so the cut keeps them
		List<OpenTask> found = mine || user.groups().isEmpty() ? this.workable.workable(user.id(), List.of(), true, limit)
				: group != null ? this.workable.workable(null, List.of(group), true, limit)
						: this.workable.workable(user.id(), List.copyOf(user.groups()), false, limit);
		// a case's own steps; the others (差评整改, 督办) are about the case of their business key
		Map<String, CaseOfProcess> casesByProcess = this.cases
			.casesOfProcesses(found.stream().map(OpenTask::processInstanceId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(CaseOfProcess::processInstanceId, Function.identity(), (a, b) -> a));
		Instant now = EngineClock.now();
		Map<String, Instant> paused = this.clocks
			.pausedSince(casesByProcess.values().stream().map(CaseOfProcess::caseNo).toList());
		Map<String, List<String>> groups = found.isEmpty() ? Map.of()
				: this.candidateGroups.of(found.stream().map(OpenTask::id).toList())
					.stream()
					.collect(Collectors.groupingBy(CandidateGroupMapper.Link::taskId,
							Collectors.mapping(CandidateGroupMapper.Link::groupId, Collectors.toList())));
		// one read of each matter per list, not one per task
		Map<String, Matter> matters = new HashMap<>();
		return found.stream()
			.map(task -> {
				CaseOfProcess record = casesByProcess.get(task.processInstanceId());
				// a step of a case whose clock stands still keeps the light it had when it stopped
				Instant at = record == null ? now : paused.getOrDefault(record.caseNo(), now);
				Matter matter = record == null ? null
						: matters.computeIfAbsent(record.matterCode(), code -> this.catalog.matter(code).orElse(null));
				return view(task, record, matter, groups.getOrDefault(task.id(), List.of()), at);
			})
			.filter(view -> light == null || light.equalsIgnoreCase(view.light()))
			.sorted(MOST_URGENT_FIRST)
			.toList();
	}

	@Transactional
	void claim(CurrentUser user, String taskId) {
		Task task = workable(user, taskId);
		if (user.id().equals(task.getAssignee())) {
			return;
		}
		try {
			this.tasks.claim(taskId, user.id());
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException raced) {
			throw ApiException.conflict("TASK_CLAIMED", "任务已被他人认领或办理 / The task was claimed or completed by someone else");
		}
		catch (RuntimeException failed) {
			throw completedMeanwhile(taskId, "TASK_CLAIMED", failed);
		}
	}

	@Transactional
	void unclaim(CurrentUser user, String taskId) {
		Task task = workable(user, taskId);
		if (task.getAssignee() != null && !task.getAssignee().equals(user.id()) && !user.admin()) {
			throw ApiException.forbidden("只能退回自己认领的任务 / Only the assignee may unclaim");
		}
		if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
			throw ApiException.conflict("DELEGATION_PENDING", "委派中的任务须交回委派人（resolve），不能退回任务池 / A delegated "
					+ "task is resolved back to its owner, not unclaimed");
		}
		this.tasks.setAssignee(taskId, null);
	}

	@Transactional
	void complete(CurrentUser user, String taskId, CompleteRequest request) {
		Task task = workable(user, taskId);
		String caseNo = caseOf(task).caseNo();
		if (this.clocks.pausedFor(caseNo).filter(kind -> kind == PauseKind.SPECIAL_PROCEDURE).isPresent()) {
			throw ApiException.conflict("SPECIAL_PROCEDURE_RUNNING",
					"特别程序进行中，结束后才能办理此环节 / End the special procedure before completing the step");
		}
		if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
			throw ApiException.conflict("DELEGATION_PENDING", "任务已委派给 " + task.getAssignee()
					+ "，须由其办理后交回，再由 " + task.getOwner() + " 办结 / The task is delegated to " + task.getAssignee()
					+ ": it is resolved back to " + task.getOwner() + ", who completes it");
		}
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
		catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException raced) {
			// two approvers at once: the engine's optimistic lock lets one through; a task completed
			// in the meantime is gone (NullValueException)
			throw ApiException.conflict("TASK_TAKEN",
					"任务已被他人认领或办理 / The task was claimed or completed by someone else");
		}
		catch (RuntimeException failed) {
			throw completedMeanwhile(taskId, "TASK_TAKEN", failed);
		}
	}

	/**
	 * An engine command that failed because another approver's decision ended the task while it ran
	 * (the engine then meets the ended process instance half-way, e.g. a NullPointerException in
	 * {@code ClaimTaskCmd}): 409 like any lost race. Any other failure stays what it was; the
	 * transaction rolls back either way.
	 */
	private RuntimeException completedMeanwhile(String taskId, String code, RuntimeException failure) {
		if (failure instanceof ApiException || this.tasks.createTaskQuery().taskId(taskId).count() > 0) {
			return failure;
		}
		return ApiException.conflict(code, "任务已被他人认领或办理 / The task was claimed or completed by someone else");
	}

	/**
	 * 补正: the applicant must hand in these materials; the step is interrupted (its diagram's
	 * {@code SupplementRequested} boundary) and the case waits with its clock stopped.
	 */
	@Transactional
	void requestSupplement(CurrentUser user, String taskId, SupplementRequest request) {
		Task task = workable(user, taskId);
		CaseRecord record = caseOf(task);
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < request.materials().size(); i++) {
			String code = request.materials().get(i);
			if (matter.materials().stream().noneMatch(m -> m.code().equals(code))) {
				fields.put("materials[" + i + "]", "该事项没有这项材料 / not a material of this matter: " + code);
			}
		}
		if (!fields.isEmpty()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "材料有误 / Unknown materials", fields);
		}
		boolean offered = this.runtime.createEventSubscriptionQuery()
			.processInstanceId(task.getProcessInstanceId())
			.eventType("message")
			.eventName(SUPPLEMENT_REQUESTED)
			.count() > 0;
		if (!offered) {
			throw ApiException.conflict("SUPPLEMENT_NOT_ALLOWED",
					"此环节不能发起补正 / This step cannot ask for a supplement");
		}
		List<String> names = matter.materials()
			.stream()
			.filter(m -> request.materials().contains(m.code()))
			.map(m -> m.name())
			.toList();
		this.cases.requestMaterials(record.caseNo(), request.materials());
		this.cases.note(record.caseNo(), "SUPPLEMENT_REQUESTED", task.getTaskDefinitionKey(), task.getName(), user.id(),
				"SUPPLEMENT", "一次性告知补正：" + String.join("、", names) + "；" + request.workdaysOrDefault() + " 个工作日内补齐"
						+ (request.opinion() == null || request.opinion().isBlank() ? "" : "。" + request.opinion()));
		try {
			this.runtime.createMessageCorrelation(SUPPLEMENT_REQUESTED)
				.processInstanceId(task.getProcessInstanceId())
				.setVariable(SUPPLEMENT_WORKDAYS, request.workdaysOrDefault())
				.correlate();
		}
		catch (MismatchingMessageCorrelationException | OptimisticLockingException raced) {
			// the step moved on between the check and the correlation (completed, or asked already)
			throw ApiException.conflict("TASK_TAKEN",
					"任务已被他人认领或办理 / The task was claimed or completed by someone else");
		}
	}

	/** 特别程序: the step waits with the case clock stopped until the procedure is ended. */
	@Transactional
	void startSpecialProcedure(CurrentUser user, String taskId, SpecialProcedureRequest request) {
		Task task = workable(user, taskId);
		String allowed = this.steps.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
				SpecialProcedure.ALLOWED_PROPERTY);
		if (allowed == null || Arrays.stream(allowed.split(",")).map(String::trim).noneMatch(request.kind().name()::equals)) {
			throw ApiException.badRequest("SPECIAL_PROCEDURE_NOT_ALLOWED",
					"此环节不能启动该特别程序 / This step does not allow " + request.kind(),
					Map.of("kind", "可选 / allowed: " + (allowed == null ? "-" : allowed)));
		}
		CaseRecord record = caseOf(task);
		if (!this.clocks.pauseRunning(record.caseNo(), PauseKind.SPECIAL_PROCEDURE, task.getTaskDefinitionKey(),
				request.kind().label(), "预计不超过 " + request.maxWorkdays() + " 个工作日，由 " + user.id() + " 启动")) {
			throw ApiException.conflict("CLOCK_PAUSED", "办件已暂停计时 / The case's clock is already paused");
		}
	}

	CaseRecord caseOf(Task task) {
		return this.cases.byProcessInstances(List.of(task.getProcessInstanceId()))
			.stream()
			.findFirst()
			.orElseThrow(() -> ApiException.conflict("NOT_A_CASE_STEP",
					"该任务不是办件的审批环节（如差评整改、督办答复），请在 Tasklist 或其专用接口办理（/api/reviews、/api/urges）"
							+ " / Not a step of a case's own process (e.g. a rectification or an urge): work it in Tasklist "
							+ "or through its own API (/api/reviews, /api/urges)"));
	}

	/** The task, if this user may work it; 404 if it does not exist, 403 or 409 otherwise. */
	Task workable(CurrentUser user, String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			HistoricTaskInstance done = this.history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
			if (done != null && done.getEndTime() != null) {
				throw ApiException.conflict("TASK_DONE", "任务已被他人办理完毕（" + done.getAssignee() + "）/ The task was already "
						+ "completed by " + done.getAssignee());
			}
			throw ApiException.notFound("TASK_NOT_FOUND", "没有这个任务或已办结 / No such open task: " + taskId);
		}
		if (user.id().equals(task.getAssignee())) {
			return task;
		}
		Set<String> candidates;
		try {
			candidates = candidateGroups(taskId);
		}
		catch (NullValueException completedMeanwhile) {
			// completed by someone else between the two reads: say so (409 TASK_DONE), not 500
			return workable(user, taskId);
		}
		boolean offered = candidates.stream().anyMatch(user::in);
		if (!offered && !user.admin()) {
			if (this.tasks.createTaskQuery().taskId(taskId).count() == 0) {
				// completed by someone else between the two reads (its candidates went with it): say so
				return workable(user, taskId);
			}
			throw ApiException.forbidden("该任务不属于您的部门 / This task belongs to another department");
		}
		if (task.getAssignee() != null && !user.admin()) {
			throw ApiException.conflict("TASK_CLAIMED",
					"任务已由他人（" + task.getAssignee() + "）认领 / The task is claimed by someone else: " + task.getAssignee());
		}
		return task;
	}

	Set<String> candidateGroups(String taskId) {
		return this.tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.collect(Collectors.toSet());
	}

	/**
	 * The decisions a step allows, read from its diagram once per deployed version (a deployed
	 * definition never changes; reading the model costs a query per task, which a list of 500 tasks
	 * felt).
	 */
	private List<String> decisions(Task task) {
		return decisions(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
	}

	private List<String> decisions(String processDefinitionId, String stepId) {
		return this.decisionsByStep.computeIfAbsent(processDefinitionId + "/" + stepId, key -> {
			UserTask element = this.repository.getBpmnModelInstance(processDefinitionId).getModelElementById(stepId);
			String decisions = element == null ? null : ModelProperties.of(element, DECISIONS_PROPERTY);
			if (decisions == null) {
				return Arrays.stream(Decision.values()).map(Enum::name).toList();
			}
			return Arrays.stream(decisions.split(",")).map(String::trim).toList();
		});
	}

	private TaskView view(OpenTask task, CaseOfProcess record, Matter matter, List<String> groups, Instant now) {
		String light = this.lights.of(task.processDefinitionId(), task.stepId(), now, task.due()).name();
		return new TaskView(task.id(), task.name(), task.stepId(), record == null ? task.caseNo() : record.caseNo(),
				record == null ? null : record.matterCode(), matter == null ? null : matter.name(), task.priority(),
				task.assignee(), new ArrayList<>(groups), EngineClock.local(task.created()), EngineClock.local(task.due()),
				light, task.due() == null ? null : this.calendar.workdaysLeft(now, task.due()),
				decisions(task.processDefinitionId(), task.stepId()), record != null,
				this.calendar.provisionalBetween(task.created(), task.due()));
	}

}
