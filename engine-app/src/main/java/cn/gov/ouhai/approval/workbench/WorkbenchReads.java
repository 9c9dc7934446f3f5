package cn.gov.ouhai.approval.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Department;
import cn.gov.ouhai.approval.sla.StepLights;
import cn.gov.ouhai.approval.sla.StepLimits;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * The reads of the workbench. A step's form and values only for who may work the step (assigned to
 * them, offered to one of their groups, or an administrator), as {@code /api/tasks/{id}/…} decides;
 * the form's values are only the variables its fields name (process variables hold references, the
 * case number, never personal data).
 */
@Service
class WorkbenchReads {

	private final TaskService tasks;

	private final FormService forms;

	private final RepositoryService repository;

	private final IdentityService identity;

	private final StepLights lights;

	private final WorkdayCalendar calendar;

	private final ObjectMapper json;

	private final StepLimits steps;

	private final Catalog catalog;

	WorkbenchReads(TaskService tasks, FormService forms, RepositoryService repository, IdentityService identity,
			StepLights lights, WorkdayCalendar calendar, ObjectMapper json, StepLimits steps, Catalog catalog) {
		this.steps = steps;
		this.catalog = catalog;
		this.tasks = tasks;
		this.forms = forms;
		this.repository = repository;
		this.identity = identity;
		this.lights = lights;
		this.calendar = calendar;
		this.json = json;
	}

	WorkbenchController.Me me(CurrentUser user) {
		User person = this.identity.createUserQuery().userId(user.id()).singleResult();
		String name = person == null ? user.id()
				: (nullToEmpty(person.getLastName()) + nullToEmpty(person.getFirstName())).trim();
		List<String> groups = user.groups().stream().sorted().toList();
		boolean approver = groups.stream().anyMatch(g -> g.startsWith("dept-") || g.startsWith("head-"));
		return new WorkbenchController.Me(user.id(), name.isEmpty() ? user.id() : name, groups,
				Map.of("approver", approver || user.admin(), "head", groups.stream().anyMatch(g -> g.startsWith("head-")),
						"clerk", user.in(Groups.WINDOW), "supervisor", user.in(Groups.SUPERVISOR)));
	}

	TaskForm task(CurrentUser user, String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
		if (task == null) {
			throw ApiException.notFound("TASK_NOT_FOUND", "没有这个任务或已办结 / No such open task: " + taskId);
		}
		List<String> candidates = new ArrayList<>();
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(taskId)) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				candidates.add(link.getGroupId());
			}
		}
		mayWork(user, task, candidates);
		JsonNode form = deployedForm(taskId);
		Map<String, Object> values = new LinkedHashMap<>();
		Set<String> keys = form == null ? Set.of() : keys(form, new LinkedHashSet<>());
		if (!keys.isEmpty()) {
			this.tasks.getVariables(taskId, keys).forEach((name, value) -> {
				Object plain = plain(value);
				if (plain != null) {
					values.put(name, plain);
				}
			});
		}
		Instant now = EngineClock.now();
		Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		String caseNo = this.tasks.getVariable(taskId, "caseNo") instanceof String s ? s : null;
		return new TaskForm(task.getId(), task.getName(), task.getTaskDefinitionKey(), caseNo,
				task.getProcessDefinitionId(), task.getAssignee(), candidates,
				due == null ? null : EngineClock.local(due),
				this.lights.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), now, due).name(),
				due == null ? null : this.calendar.workdaysLeft(now, due), task.getPriority(), form, values,
				task.getOwner(), task.getDelegationState() == DelegationState.PENDING ? "PENDING" : null,
				returnTo(task));
	}

	private static void mayWork(CurrentUser user, Task task, List<String> candidates) {
		boolean mayWork = user.id().equals(task.getAssignee()) || user.id().equals(task.getOwner())
				|| candidates.stream().anyMatch(user::in) || user.admin();
		if (!mayWork) {
			throw ApiException.forbidden("该任务不属于您的部门 / This task belongs to another department");
		}
	}

	/** The earlier steps the diagram lets this step send the case back to ({@code returnTo}), with their names. */
	private List<StepRef> returnTo(Task task) {
		String value = this.steps.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), "returnTo");
		if (value == null || value.isBlank()) {
			return List.of();
		}
		var model = this.repository.getBpmnModelInstance(task.getProcessDefinitionId());
		List<StepRef> found = new ArrayList<>();
		for (String id : value.split(",")) {
			String stepId = id.trim();
			if (stepId.isEmpty()) {
				continue;
			}
			var element = model.getModelElementById(stepId);
			String name = element == null ? null : element.getAttributeValue("name");
			found.add(new StepRef(stepId, name == null ? stepId : name));
		}
		return found;
	}

	/**
	 * The colleagues a step may go to: the members of its candidate groups (转办) and of its
	 * department's approver and head groups (委派), with their names; the user themself left out.
	 */
	List<Colleague> colleagues(CurrentUser user, String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw ApiException.notFound("TASK_NOT_FOUND", "没有这个任务或已办结 / No such open task: " + taskId);
		}
		List<String> candidates = new ArrayList<>();
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(taskId)) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				candidates.add(link.getGroupId());
			}
		}
		boolean head = candidates.stream()
			.map(g -> "head-" + g.substring(g.indexOf('-') + 1))
			.anyMatch(user::in);
		if (!head) {
			mayWork(user, task, candidates);
		}
		Set<String> groups = new LinkedHashSet<>(candidates);
		for (String group : candidates) {
			if (group.startsWith("dept-") || group.startsWith("head-")) {
				String code = group.substring(group.indexOf('-') + 1);
				groups.add("dept-" + code);
				groups.add("head-" + code);
			}
		}
		Map<String, Colleague> found = new LinkedHashMap<>();
		for (String group : groups) {
			for (User person : this.identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
				if (person.getId().equals(user.id())) {
					continue;
				}
				boolean transfer = candidates.contains(group);
				Colleague before = found.get(person.getId());
				if (before == null || (transfer && !before.transfer())) {
					found.put(person.getId(), new Colleague(person.getId(), nameOf(person), transfer || (before != null && before.transfer())));
				}
			}
		}
		return List.copyOf(found.values());
	}

	/** The departments with their approver and head groups (征求意见, 抄送). */
	List<DepartmentGroups> departments() {
		return this.catalog.departments()
			.stream()
			.map((Department d) -> new DepartmentGroups(d.code(), d.name(), d.approverGroup(), d.headGroup()))
			.toList();
	}

	private static String nameOf(User person) {
		String name = (nullToEmpty(person.getLastName()) + nullToEmpty(person.getFirstName())).trim();
		return name.isEmpty() ? person.getId() : name;
	}

	String diagram(String processDefinitionId) {
		try (InputStream xml = this.repository.getProcessModel(processDefinitionId)) {
			return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (ProcessEngineException | IOException notFound) {
			throw ApiException.notFound("PROCESS_NOT_FOUND", "没有这个流程定义 / No such process definition: " + processDefinitionId);
		}
	}

	/** The Camunda Form the step's {@code camunda:formRef} points to, as deployed with the diagram; null without one. */
	private JsonNode deployedForm(String taskId) {
		try (InputStream deployed = this.forms.getDeployedTaskForm(taskId)) {
			return deployed == null ? null : this.json.readTree(deployed);
		}
		catch (ProcessEngineException | IOException noForm) {
			return null;
		}
	}

	/** The variable names the form's fields read and write ({@code key}), nested groups included. */
	private static Set<String> keys(JsonNode node, Set<String> found) {
		if (node.isObject()) {
			JsonNode key = node.get("key");
			if (key != null && key.isTextual() && !key.asText().isBlank()) {
				found.add(key.asText());
			}
			node.forEach(child -> keys(child, found));
		}
		else if (node.isArray()) {
			node.forEach(child -> keys(child, found));
		}
		return found;
	}

	private static Object plain(Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Date date) {
			return EngineClock.local(date.toInstant());
		}
		return null;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	/** A step with its deployed form; {@code light} and {@code workdaysLeft} of the step's own due date. */
	record TaskForm(String id, String name, String stepId, String caseNo, String processDefinitionId, String assignee,
			List<String> candidateGroups, OffsetDateTime dueDate, String light, Integer workdaysLeft, int priority,
			JsonNode form, Map<String, Object> variables, String owner, String delegationState, List<StepRef> returnTo) {
	}

	record StepRef(String stepId, String name) {
	}

	/** A colleague; {@code transfer}: in one of the step's candidate groups (转办 allowed, 委派 always). */
	record Colleague(String id, String name, boolean transfer) {
	}

	record DepartmentGroups(String code, String name, String approverGroup, String headGroup) {
	}

}
