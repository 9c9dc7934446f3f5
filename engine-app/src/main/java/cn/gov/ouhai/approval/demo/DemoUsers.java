package cn.gov.ouhai.approval.demo;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Department;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.security.OrganisationSetup;

/** The demo logins, all with password {@code demo}; {@code admin} comes from application-demo.yml. */
@Component
@Profile("demo")
class DemoUsers {

	static final String PASSWORD = "demo";

	private final List<DemoLogin> logins = new ArrayList<>();

	DemoUsers(IdentityService identity, Catalog catalog, OrganisationSetup organisation) {
		this.logins.add(new DemoLogin("admin", "系统管理员", Groups.ADMIN));
		user(identity, "clerk", "综合窗口", "受理员", Groups.WINDOW);
		user(identity, "supervisor", "督查", "督查员", Groups.SUPERVISOR);
		user(identity, "analyst", "业务分析", "分析员", Groups.ANALYST);
		user(identity, "reviewer", "好差评复核", "复核员", Groups.REVIEW_OFFICE);
		for (Department department : catalog.departments()) {
			user(identity, "approver-" + department.code(), department.name(), "审批员", department.approverGroup());
			user(identity, "head-" + department.code(), department.name(), "负责人", department.headGroup());
		}
	}

	private void user(IdentityService identity, String id, String lastName, String firstName, String group) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setPassword(PASSWORD);
			user.setEmail(id + "@demo.invalid");
			identity.saveUser(user);
		}
		if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
			identity.createMembership(id, group);
		}
		this.logins.add(new DemoLogin(id, lastName + firstName, group));
	}

	List<DemoLogin> logins() {
		return List.copyOf(this.logins);
	}

	record DemoLogin(String id, String name, String group) {
	}

}
