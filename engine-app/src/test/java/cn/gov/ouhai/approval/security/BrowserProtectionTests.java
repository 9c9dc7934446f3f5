package cn.gov.ouhai.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * What protects a logged-in browser: the webapps' CSRF token, the refusal of state-changing requests
 * from other sites (a browser caches the dashboard's Basic credentials and would send them along),
 * session cookies scripts cannot read and other sites do not get, and the security headers.
 */
@PlatformTest
class BrowserProtectionTests {

	static final String ATTACKER = "https://evil.example";

	@LocalServerPort
	int port;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
	}

	@Test
	void webappsRefuseAChangeWithoutTheirCsrfToken() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		WebappSession tasklist = new WebappSession(this.port);
		assertThat(tasklist.login("tasklist", "approver-scjg", "demo").statusCode()).isEqualTo(200);
		String claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";

		HttpResponse<String> forged = tasklist.postWithoutToken(claim, "{\"userId\":\"approver-scjg\"}");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
		assertThat(this.steps.task("approver-scjg", caseNo).path("assignee").isNull()).isTrue();
		// and the webapp ends the session the forged request rode on
		assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);

		assertThat(tasklist.login("tasklist", "approver-scjg", "demo").statusCode()).isEqualTo(200);
		assertThat(tasklist.post(claim, "{\"userId\":\"approver-scjg\"}").statusCode()).isEqualTo(204);
		assertThat(this.steps.task("approver-scjg", caseNo).path("assignee").asText()).isEqualTo("approver-scjg");
	}

	@Test
	void webappsOwnRestApiRefusesOrQueryExpressionsToo() {
		// CVE-2026-109432 through Tasklist's copy of the REST API, not only /engine-rest
		WebappSession tasklist = new WebappSession(this.port);
		assertThat(tasklist.login("tasklist", "clerk", "demo").statusCode()).isEqualTo(200);
		HttpResponse<String> attack = tasklist.post("/camunda/api/engine/engine/default/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"${execution.getProcessEngineServices()}\"}]}");
		assertThat(attack.statusCode()).isEqualTo(400);
		assertThat(attack.body()).contains("orQueries");
		assertThat(tasklist.post("/camunda/api/engine/engine/default/task", "{\"orQueries\":[{\"assignee\":\"clerk\"}]}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAChangeAnotherSiteSendsWithTheBrowsersCredentials() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String urge = "/api/supervision/cases/" + caseNo + "/urge";
		String body = "{\"message\":\"跨站伪造的督办\"}";
		List<Map<String, String>> crossSite = List.of(Map.of("Sec-Fetch-Site", "cross-site", "Origin", ATTACKER),
				// a sibling host of the same site is another application, not ours
				Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://other.localhost:" + this.port),
				// browsers without Fetch Metadata still send Origin with a POST
				Map.of("Origin", ATTACKER), Map.of("Origin", "null"),
				Map.of("Origin", "http://localhost:" + (this.port + 1)));
		for (Map<String, String> browser : crossSite) {
			Api.Response refused = this.api.post("supervisor", urge, body, browser);
			assertThat(refused.status()).as(browser.toString()).isEqualTo(403);
			assertThat(refused.json().get("error").asText()).isEqualTo("CROSS_SITE_REQUEST");
			assertThat(refused.json().get("message").asText()).contains("拒绝来自其他网站的修改请求")
				.contains("A state-changing request from another site was refused");
		}
		// also a bodiless POST (withdraw, end of a special procedure) and a form without credentials
		assertThat(this.api.post("approver-scjg", "/api/cases/" + caseNo + "/special-procedure/end", null,
				Map.of("Sec-Fetch-Site", "cross-site")).status()).isEqualTo(403);
		assertThat(this.api.post(null, "/api/cases", "{}", Map.of("Origin", ATTACKER)).status()).isEqualTo(403);
		// nothing happened
		assertThat(this.api.get("supervisor", "/api/supervision/urges?caseNo=" + caseNo).json()).isEmpty();
		// reading from another site is a navigation or a link, not a change: left to authentication
		assertThat(this.api.get("supervisor", "/api/supervision/urges?caseNo=" + caseNo).status()).isEqualTo(200);
	}

	@Test
	void theDashboardsOwnPagesAndScriptedClientsStillChangeThings() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String urge = "/api/supervision/cases/" + caseNo + "/urge";
		String own = "http://localhost:" + this.port;
		// a page of the platform posting (fetch from the dashboard), a browser without Fetch Metadata,
		// an address typed by the user, and curl or a hall terminal (no browser headers at all)
		List<Map<String, String>> allowed = List.of(Map.of("Sec-Fetch-Site", "same-origin", "Origin", own),
				Map.of("Origin", own), Map.of("Sec-Fetch-Site", "none"), Map.of());
		for (Map<String, String> client : allowed) {
			Api.Response urged = this.api.post("supervisor", urge, "{\"message\":\"请加快办理\"}", client);
			assertThat(urged.status()).as(client + " " + urged).isEqualTo(201);
		}
		assertThat(this.api.get("supervisor", "/api/supervision/urges?caseNo=" + caseNo).json()).hasSize(allowed.size());
		// behind a proxy: the Origin matches the host the proxy forwards
		Api.Response proxied = this.api.post("supervisor", urge, "{\"message\":\"经代理\"}",
				Map.of("Origin", "https://approval.ouhai.example", "X-Forwarded-Host", "approval.ouhai.example"));
		assertThat(proxied.status()).as(proxied.toString()).isEqualTo(201);
	}

	@Test
	void webappSessionCookiesAreHttpOnlyAndSameSite() {
		WebappSession browser = new WebappSession(this.port);
		HttpResponse<String> login = browser.login("tasklist", "clerk", "demo");
		assertThat(login.statusCode()).isEqualTo(200);
		// the session the login renews: scripts cannot read it, other sites do not get it; plain HTTP
		// here, so not Secure (app.security.tls turns that on)
		String session = setCookie(login, "JSESSIONID");
		assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
			.doesNotContainIgnoringCase("Secure");
		assertThat(session.toLowerCase().split("samesite", -1)).as("one SameSite attribute").hasSize(2);
		// the webapps' CSRF token cookie: read by their scripts (not HttpOnly), never sent cross-site
		HttpResponse<String> page = new WebappSession(this.port).get("/camunda/app/cockpit/");
		assertThat(setCookie(page, "XSRF-TOKEN")).containsIgnoringCase("SameSite=Lax").contains("Path=/camunda");
	}

	@Test
	void answersCarryTheSecurityHeaders() {
		for (Api.Response response : List.of(this.api.get("clerk", "/api/matters"), this.api.get("supervisor", "/supervision"),
				this.api.get(null, "/camunda/app/tasklist/default/"), this.api.post("clerk", "/api/cases", "{}",
						Map.of("Origin", ATTACKER)))) {
			assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
			// no HSTS over plain HTTP unless the platform is told it is behind TLS
			assertThat(header(response, "Strict-Transport-Security")).isNull();
		}
		assertThat(header(this.api.get("supervisor", "/supervision"), "Cache-Control")).contains("no-store");
	}

	@Test
	void theApplicantsPersonalDataNeverLeavesTheApiInFull() {
		String caseNo = this.steps.accept(Applicants.personIntake("browser-" + System.nanoTime(), "SCJG-GTDJ-001",
				"OH-CENTRE", List.of("M01", "M02", "M03", "M04"), List.of("M01", "M02", "M03", "M04")));
		JsonNode applicant = this.api.get("approver-scjg", "/api/cases/" + caseNo).json().get("applicant");
		assertThat(applicant.get("idNumber").asText()).isEqualTo("330304********1234");
		assertThat(applicant.get("phone").asText()).isEqualTo("138****5678");
		assertThat(this.api.get("supervisor", "/supervision").body()).doesNotContain(Applicants.PERSON_ID, "13812345678");
	}

	private static String setCookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
	}

	private static String header(Api.Response response, String name) {
		return response.headers()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase(name))
			.map(e -> String.join(", ", e.getValue()))
			.findFirst()
			.orElse(null);
	}

}
