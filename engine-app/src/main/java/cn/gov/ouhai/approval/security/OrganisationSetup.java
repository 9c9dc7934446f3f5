package cn.gov.ouhai.approval.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Department;

/**
 * The organisation in the engine, kept in step with the catalog at every start: one group per
 * role, an approver and a head group per department, what each may do in the webapps and
 * {@code /engine-rest}, and the Tasklist filter everyone works from. Users are not created here:
 * administrators manage them in Camunda Admin (the demo profile adds demo users).
 */
@Component
public class OrganisationSetup implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(OrganisationSetup.class);

	static final String TASK_FILTER_NAME = "我的待办 / My tasks";

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	private final Catalog catalog;

	OrganisationSetup(ProcessEngine engine, Catalog catalog) {
		this.identity = engine.getIdentityService();
		this.authorizations = engine.getAuthorizationService();
		this.filters = engine.getFilterService();
		this.tasks = engine.getTaskService();
		this.catalog = catalog;
	}

	@Override
	public void afterPropertiesSet() {
		group(Groups.ADMIN, "系统管理员", "SYSTEM");
		group(Groups.MONITORING, "运行监控", "SYSTEM");
		group(Groups.WINDOW, "综合窗口", "WORKFLOW");
		group(Groups.SUPERVISOR, "督查", "WORKFLOW");
		group(Groups.ANALYST, "业务分析", "WORKFLOW");
		group(Groups.REVIEW_OFFICE, "好差评复核", "WORKFLOW");
		List<String> workers = new ArrayList<>(List.of(Groups.WINDOW, Groups.REVIEW_OFFICE));
		for (Department department : this.catalog.departments()) {
			group(department.approverGroup(), department.name() + "审批人员", "WORKFLOW");
			group(department.headGroup(), department.name() + "负责人", "WORKFLOW");
			workers.add(department.approverGroup());
			workers.add(department.headGroup());
		}
		for (String group : workers) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
		}
		// the window starts cases from the matters' start forms in Tasklist
		grant(Groups.WINDOW, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
		grant(Groups.WINDOW, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
		// a start form's intake evaluates the intake and routing decision tables as the clerk, and a
		// bundle's start form (一件事) its questionnaire table too
		for (String decision : List.of("Decision_IntakeOutcome", "Decision_Routing", "Decision_CompanyStartupMatters",
				"Decision_BirthMatters")) {
			grant(Groups.WINDOW, Resources.DECISION_DEFINITION, decision, Permissions.READ, Permissions.CREATE_INSTANCE);
		}
		// supervisors read everything in Cockpit and change nothing
		grant(Groups.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Groups.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(Groups.SUPERVISOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
				Permissions.READ_HISTORY, Permissions.READ_TASK);
		grant(Groups.SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
		grant(Groups.SUPERVISOR, Resources.TASK, ANY, Permissions.READ);
		grant(Groups.SUPERVISOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
		grant(Groups.SUPERVISOR, Resources.DEPLOYMENT, ANY, Permissions.READ);
		// analysts deploy models from the Modeler and watch them in Cockpit
		grant(Groups.ANALYST, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Groups.ANALYST, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
		grant(Groups.ANALYST, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE,
				Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.DELETE);
		grant(Groups.ANALYST, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE,
				Permissions.READ_HISTORY);
		grant(Groups.ANALYST, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
		grant(Groups.ANALYST, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
		taskFilter();
	}

	private void group(String id, String name, String type) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType(type);
			this.identity.saveGroup(group);
			log.info("created group {} ({})", id, name);
		}
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = existing != null ? existing
				: this.authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		boolean changed = existing == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			this.authorizations.saveAuthorization(authorization);
		}
	}

	/**
	 * One filter without expressions (stored-query expressions stay off): with authorizations on,
	 * each user sees exactly the tasks of its groups and its own.
	 */
	private void taskFilter() {
		Filter filter = this.filters.createFilterQuery().filterName(TASK_FILTER_NAME).singleResult();
		if (filter == null) {
			filter = this.filters.newTaskFilter(TASK_FILTER_NAME)
				.setQuery(this.tasks.createTaskQuery().orderByDueDate().asc())
				.setProperties(new HashMap<>(Map.of("description", "本人及本部门可办理的任务", "priority", -10,
						"refresh", true)));
			this.filters.saveFilter(filter);
		}
		boolean everyoneReads = this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filter.getId())
			.list()
			.stream()
			.anyMatch(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL);
		if (!everyoneReads) {
			Authorization everyone = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			everyone.setResource(Resources.FILTER);
			everyone.setResourceId(filter.getId());
			everyone.addPermission(Permissions.READ);
			this.authorizations.saveAuthorization(everyone);
		}
	}

}
