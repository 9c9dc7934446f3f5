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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.sla.StepLights;
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

	WorkbenchReads(TaskService tasks, FormService forms, RepositoryService repository, IdentityService identity,
			StepLights lights, WorkdayCalendar calendar, ObjectMapper json) {
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
		boolean mayWork = user.id().equals(task.getAssignee()) || candidates.stream().anyMatch(user::in) || user.admin();
		if (!mayWork) {
			throw ApiException.forbidden("该任务不属于您的部门 / This task belongs to another department");
		}
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
				due == null ? null : this.calendar.workdaysLeft(now, due), task.getPriority(), form, values);
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
			JsonNode form, Map<String, Object> variables) {
	}

}
