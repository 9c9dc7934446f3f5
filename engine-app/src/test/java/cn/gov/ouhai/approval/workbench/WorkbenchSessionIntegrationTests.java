package cn.gov.ouhai.approval.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * The workbench's login over plain HTTP: the built app is served (a build without the front-end
 * fails here), the session carries the login to /api, changes need the CSRF token, logout ends the
 * session, and HTTP Basic keeps working without leaving a session behind.
 */
@PlatformTest
class WorkbenchSessionIntegrationTests {

	static final ObjectMapper JSON = new ObjectMapper();

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
	void servesTheBuiltAppAtEveryAddressOfIt() {
		WorkbenchClient browser = new WorkbenchClient(this.port);
		HttpResponse<String> login = browser.get("/workbench/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(login.body()).contains("<title>审批工作台").containsPattern("<script type=\"module\"[^>]*src=\"/workbench/assets/index-[\\w-]+\\.js\"");
		// its script and style come from the jar, cached for a year (hashed names)
		String script = login.body().replaceAll("(?s).*src=\"(/workbench/assets/index-[\\w-]+\\.js)\".*", "$1");
		HttpResponse<String> asset = browser.get(script);
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(asset.body()).doesNotContain("cdn.jsdelivr", "unpkg.com");
		// the page loads set the CSRF cookie the app echoes: readable by its script, not sent cross-site
		assertThat(browser.cookie("WORKBENCH-XSRF")).isPresent();

		// not logged in: the pages send the browser to the login page, the API answers 401 in the platform's body
		HttpResponse<String> deep = browser.get("/workbench/tasks/some-task");
		assertThat(deep.statusCode()).isEqualTo(302);
		assertThat(deep.headers().firstValue("Location").orElse("")).contains("/workbench/login?redirect=%2Fworkbench%2Ftasks%2Fsome-task");
		HttpResponse<String> api = browser.get("/api/workbench/me");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.body()).contains("\"error\":\"UNAUTHENTICATED\"").contains("请先登录");

		// logged in: a deep link or a reload gets the app
		HttpResponse<String> loggedIn = browser.login("approver-scjg", "demo");
		assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
		HttpResponse<String> again = browser.get("/workbench/tasks/some-task");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("<div id=\"app\">");
	}

	@Test
	void aLoginSessionWorksTheApiAndChangesNeedItsToken() throws Exception {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		WorkbenchClient browser = new WorkbenchClient(this.port);

		// (an unknown login: a wrong password would hold the demo user back for a while, the engine's login delay)
		HttpResponse<String> wrong = browser.login("no-such-user", "wrong");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("BAD_CREDENTIALS").contains("用户名或密码错误");
		HttpResponse<String> noToken = postForm(browser);
		assertThat(noToken.statusCode()).as("a login without the page's token").isEqualTo(403);

		HttpResponse<String> loggedIn = browser.login("approver-scjg", "demo");
		assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
		assertThat(browser.cookie("JSESSIONID")).isPresent();
		JsonNode me = JSON.readTree(browser.get("/api/workbench/me").body());
		assertThat(me.get("id").asText()).isEqualTo("approver-scjg");
		assertThat(me.get("groups").toString()).contains("dept-scjg");
		// the session reads the API: no password per call
		HttpResponse<String> tasks = browser.get("/api/tasks");
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(tasks.body()).contains(caseNo).contains("\"workdaysLeft\"");

		// a change riding on the session without the token is refused, and nothing happens
		HttpResponse<String> forged = browser.post("/api/tasks/" + task + "/claim", null, false);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("CSRF_TOKEN_INVALID").contains("请刷新页面后重试");
		HttpResponse<String> badToken = browser.post("/api/tasks/" + task + "/claim", null, false,
				Map.of("X-XSRF-TOKEN", "not-the-token"));
		assertThat(badToken.statusCode()).isEqualTo(403);
		assertThat(this.steps.task("approver-scjg", caseNo).path("assignee").isNull()).isTrue();
		// with the token from the cookie it goes through
		assertThat(browser.post("/api/tasks/" + task + "/claim", null, true).statusCode()).isEqualTo(204);
		assertThat(this.steps.task("approver-scjg", caseNo).path("assignee").asText()).isEqualTo("approver-scjg");
		// and from another site it is refused even with the token
		HttpResponse<String> crossSite = browser.post("/api/tasks/" + task + "/unclaim", null, true,
				Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).contains("CROSS_SITE_REQUEST");

		// logout needs the token too, then ends the session
		assertThat(browser.post("/workbench/logout", null, true).statusCode()).isEqualTo(204);
		assertThat(browser.get("/api/workbench/me").statusCode()).isEqualTo(401);
		assertThat(browser.get("/workbench/").statusCode()).isEqualTo(302);
	}

	@Test
	void basicCredentialsStillWorkAndLeaveNoSession() {
		Api.Response tasks = this.api.get("approver-scjg", "/api/tasks");
		assertThat(tasks.status()).isEqualTo(200);
		assertThat(tasks.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Set-Cookie")))
			.as("no session cookie for a scripted client: " + tasks.headers()).isFalse();
		// a change with Basic needs no token (curl, the Modeler, the terminals)
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		assertThat(this.api.post("approver-scjg", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
		// a 401 to a script still challenges for Basic; to the workbench's own calls it does not
		Api.Response anonymous = this.api.get(null, "/api/tasks");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("WWW-Authenticate"))).isTrue();
	}

	@Test
	void theWorkbenchReadsAStepsDeployedFormAndItsDiagram() throws Exception {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		JsonNode detail = this.api.get("approver-scjg", "/api/workbench/tasks/" + task).json();
		assertThat(detail.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(detail.get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
		assertThat(detail.at("/form/id").asText()).isEqualTo("form_ReviewDecision");
		assertThat(detail.at("/variables/caseNo").asText()).isEqualTo(caseNo);
		assertThat(detail.get("light").asText()).isIn("GREEN", "YELLOW", "RED");
		// another department's approver gets nothing of it
		assertThat(this.api.get("approver-wjj", "/api/workbench/tasks/" + task).status()).isEqualTo(403);
		Api.Response xml = this.api.get("approver-scjg",
				"/api/workbench/process-definitions/" + detail.get("processDefinitionId").asText() + "/xml");
		assertThat(xml.status()).isEqualTo(200);
		assertThat(xml.body()).contains("Task_ReviewMaterials").contains("bpmndi:BPMNDiagram");
	}

	private HttpResponse<String> postForm(WorkbenchClient browser) {
		return browser.post("/workbench/login", null, false,
				Map.of("Content-Type", "application/x-www-form-urlencoded"));
	}

}
