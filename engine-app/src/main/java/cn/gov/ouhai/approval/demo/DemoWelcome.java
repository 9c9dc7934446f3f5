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
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		StringBuilder text = new StringBuilder("\n\n  行政服务中心审批平台 is up (demo profile)\n");
		text.append("  Tasklist  ").append(base).append("/camunda/app/tasklist/\n");
		text.append("  Cockpit   ").append(base).append("/camunda/app/cockpit/\n");
		text.append("  Admin     ").append(base).append("/camunda/app/admin/\n");
		text.append("  REST API  ").append(base).append("/api/matters   engine: ").append(base).append("/engine-rest\n");
		text.append("  Demo logins (password '").append(DemoUsers.PASSWORD).append("'):\n");
		for (DemoUsers.DemoLogin login : this.users.logins()) {
			text.append("    %-16s %-24s group %s%n".formatted(login.id(), login.name(), login.group()));
		}
		log.info(text.toString());
	}

}
