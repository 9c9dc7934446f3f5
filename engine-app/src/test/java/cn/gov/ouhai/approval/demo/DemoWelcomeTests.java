package cn.gov.ouhai.approval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.PlatformTest;

/** The start message names every entry point, and each one it names answers there. */
@PlatformTest
class DemoWelcomeTests {

	@Autowired
	DemoWelcome welcome;

	@LocalServerPort
	int port;

	@Test
	void listsEveryEntryPointAndEachAnswers() {
		String base = "http://localhost:" + this.port;
		String text = this.welcome.text(base);
		assertThat(text).contains(base + "/workbench", base + "/supervision", base + "/camunda/app/tasklist/", base + "/camunda/app/cockpit/",
				base + "/camunda/app/admin/", base + "/api/matters", base + "/engine-rest", base + "/actuator/health",
				"/cases/{caseNo}/materials", "clerk", "supervisor", "admin");
		Api api = new Api(this.port);
		for (String[] entry : DemoWelcome.entries()) {
			Api.Response answer = api.get("admin", entry[1]);
			assertThat(answer.status()).as(entry[1] + " " + answer).isBetween(200, 399);
		}
	}

}
