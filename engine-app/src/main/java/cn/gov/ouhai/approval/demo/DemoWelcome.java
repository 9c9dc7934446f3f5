package cn.gov.ouhai.approval.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where to go and who to log in as, once the platform is up. */
@Component
@Profile("demo")
class DemoWelcome {

	private static final Logger log = LoggerFactory.getLogger(DemoWelcome.class);

	private final DemoUsers users;

	private final Environment environment;

	DemoWelcome(DemoUsers users, Environment environment) {
		this.users = users;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void welcome() {
		log.info(text("http://localhost:" + this.environment.getProperty("local.server.port", "8080")));
	}

	/** Every entry point a newcomer may want, then the demo logins. */
	String text(String base) {
		StringBuilder text = new StringBuilder("\n\n  行政服务中心审批平台 is up (demo profile)\n");
		for (String[] entry : entries()) {
			text.append("  %-12s %s%s%n".formatted(entry[0], base, entry[1]));
		}
		text.append("  (a case's pages: ").append(base).append("/cases/{caseNo}/materials, ").append(base)
			.append("/cases/{caseNo}/notices/acceptance)\n");
		text.append("  Demo logins (password '").append(DemoUsers.PASSWORD).append("'):\n");
		for (DemoUsers.DemoLogin login : this.users.logins()) {
			text.append("    %-16s %-24s group %s%n".formatted(login.id(), login.name(), login.group()));
		}
		return text.toString();
	}

	/** Label and path of each entry point. */
	static String[][] entries() {
		return new String[][] { { "审批工作台", "/workbench" }, { "督查大屏", "/supervision" }, { "Tasklist", "/camunda/app/tasklist/" },
				{ "Cockpit", "/camunda/app/cockpit/" }, { "Admin", "/camunda/app/admin/" },
				{ "REST API", "/api/matters" }, { "engine REST", "/engine-rest/version" },
				{ "health", "/actuator/health" } };
	}

}
