package cn.gov.ouhai.approval.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Start-up refuses to go on while group {@code camunda-admin} has no direct member. Such an engine
 * would let the Admin webapp's first-run setup create an administrator for anyone who asks
 * (CVE-2026-77226); and without the demo profile there are no default passwords, so the first
 * administrator must come from configuration. Runs after every singleton (demo users included) and
 * before the web server opens.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {

	static final String MISSING = """
			没有系统管理员：请通过环境变量 CAMUNDA_BPM_ADMINUSER_ID 和 CAMUNDA_BPM_ADMINUSER_PASSWORD 配置第一个管理员，\
			或以 demo 配置启动（scripts/start）。
			No administrator: group camunda-admin has no member. Configure the first administrator with \
			CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD (camunda.bpm.admin-user.*), \
			or start with the demo profile (scripts/start).""";

	private final IdentityService identity;

	FirstAdministrator(IdentityService identity, OrganisationSetup organisation) {
		this.identity = identity;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
			throw new IllegalStateException(MISSING);
		}
	}

}
