package cn.gov.ouhai.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;
import cn.gov.ouhai.approval.files.SampleFiles;

/**
 * Who may read and do what, for every route of {@code /api} (and the pages), the {@code /engine-rest}
 * routes people use, and the webapps, for each demo group. One row per route, one column per
 * caller; a cell is the status class the caller must get: {@code 401}, {@code 403}, or {@code ok}
 * (the route's answer to a caller allowed through: the listed statuses, often a 4xx of the business
 * rules that only an allowed caller can reach). Rows run in order against one set of cases, so the
 * rows that change something are laid out as the work flows. A new {@code /api} route fails
 * {@link #everyApiRouteIsInTheMatrix()} until it gets its row.
 */
@PlatformTest
class AuthorizationMatrixTests {

	/** The columns: anonymous, then one demo login per group (two departments, each with its head). */
	static final List<String> CALLERS = Arrays.asList(null, "clerk", "approver-scjg", "head-scjg", "approver-wjj",
			"head-wjj", "supervisor", "reviewer", "analyst", "admin");

	/** The 出生医学证明 applicant of the other department (卫健): what nobody may read in full. */
	static final String WJJ_ID_NUMBER = Applicants.PERSON_ID;

	static final String WJJ_PHONE = "13900001234";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
	}

	@Test
	void everyApiRouteIsInTheMatrix() {
		Set<String> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (!mapping.getValue().getBeanType().getPackageName().startsWith("cn.gov.ouhai.approval")) {
				continue;
			}
			RequestMappingInfo info = mapping.getKey();
			boolean multipart = info.getConsumesCondition()
				.getConsumableMediaTypes()
				.contains(MediaType.MULTIPART_FORM_DATA);
			for (String pattern : info.getPatternValues()) {
				Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
						: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
				methods.forEach(method -> routes.add(method + " " + pattern + (multipart ? " [multipart]" : "")));
			}
		}
		Set<String> covered = apiRows(Fixture.NONE).stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
		assertThat(covered).as("routes of the platform's controllers without a row in the matrix, or rows of routes "
				+ "that are gone").isEqualTo(routes);
	}

	@Test
	void eachGroupReadsAndDoesOnlyWhatItMayOnEveryApiRoute() {
		Fixture fixture = fixture();
		List<String> wrong = new ArrayList<>();
		List<Api.Response> answers = new ArrayList<>();
		int cells = run(apiRows(fixture), wrong, answers);
		assertThat(wrong).as("cells of the matrix that do not hold").isEmpty();
		assertNoPersonalDataIn(answers);
		System.out.println("authorization matrix: " + apiRows(fixture).size() + " API routes x " + CALLERS.size()
				+ " callers = " + cells + " cells");
	}

	@Test
	void engineRestFollowsTheEngineAuthorizationsOfEachGroup() throws Exception {
		Fixture fixture = fixture();
		List<String> wrong = new ArrayList<>();
		List<Api.Response> answers = new ArrayList<>();
		int cells = run(engineRows(fixture), wrong, answers);
		assertThat(wrong).as("cells of the /engine-rest matrix that do not hold").isEmpty();
		assertNoPersonalDataIn(answers);
		// queries answer 200 for everyone but hold only what the engine lets each group read
		assertThat(this.api.get("approver-wjj", "/engine-rest/task?processInstanceBusinessKey=" + fixture.scjgCase())
			.json()).isEmpty();
		assertThat(this.api.get("approver-scjg", "/engine-rest/task?processInstanceBusinessKey=" + fixture.scjgCase())
			.json()).isNotEmpty();
		assertThat(this.api
			.get("approver-wjj", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + fixture.scjgCase())
			.json()).isEmpty();
		assertThat(this.api
			.get("supervisor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + fixture.scjgCase())
			.json()).isNotEmpty();
		System.out.println("authorization matrix: " + engineRows(fixture).size() + " /engine-rest routes x "
				+ CALLERS.size() + " callers = " + cells + " cells");
	}

	@Test
	void healthIsOpenAndMetricsAreForTheMonitoringAccountAndAdministratorsOnly() {
		List<String> wrong = new ArrayList<>();
		run(List.of(
				row("GET /actuator/health",     get("/actuator/health"),     "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
				row("GET /actuator/prometheus", get("/actuator/prometheus"), "401 403  403    403    403   403   403  403  403  ok", 200)),
				wrong, new ArrayList<>());
		assertThat(wrong).as("cells of the matrix that do not hold").isEmpty();
		// the scraper's own account: in the monitoring group and no other
		User scraper = this.identity.newUser("matrix-scraper");
		scraper.setPassword("scrape-only");
		this.identity.saveUser(scraper);
		this.identity.createMembership("matrix-scraper", Groups.MONITORING);
		try {
			Api.Response metrics = this.api.get("matrix-scraper:scrape-only", "/actuator/prometheus");
			assertThat(metrics.status()).isEqualTo(200);
			assertThat(metrics.body()).contains("jvm_memory_used_bytes");
			assertThat(this.api.get("matrix-scraper:scrape-only", "/api/supervision/overdue").status()).isEqualTo(403);
		}
		finally {
			this.identity.deleteUser("matrix-scraper");
		}
	}

	@Test
	void webappsLetEachGroupIntoItsOwnAppsOnly() {
		// Tasklist for everyone who works tasks and the supervisors; Cockpit for supervisors and
		// analysts (read only); Admin for administrators
		Map<String, String> apps = new LinkedHashMap<>();
		//                           clerk a-scjg h-scjg a-wjj h-wjj sup  rev  ana  admin
		apps.put("tasklist", "      200   200    200    200   200   200  200  403  200");
		apps.put("cockpit", "       403   403    403    403   403   200  403  200  200");
		apps.put("admin", "         403   403    403    403   403   403  403  403  200");
		List<String> wrong = new ArrayList<>();
		apps.forEach((app, line) -> {
			String[] expected = line.trim().split("\\s+");
			for (int i = 1; i < CALLERS.size(); i++) {
				int status = new WebappSession(this.port).login(app, CALLERS.get(i), "demo").statusCode();
				if (status != Integer.parseInt(expected[i - 1])) {
					wrong.add(app + " login as " + CALLERS.get(i) + ": expected " + expected[i - 1] + ", got " + status);
				}
			}
		});
		assertThat(wrong).isEmpty();
		// no session, no webapp API; a wrong password is no login
		assertThat(new WebappSession(this.port).get("/camunda/api/engine/engine/default/task/count").statusCode())
			.isEqualTo(401);
		// (a user nobody else logs in as: a wrong password delays that user's next logins for a while)
		assertThat(new WebappSession(this.port).login("tasklist", "matrix-nobody", "wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void aDepartmentNeverSeesAnotherDepartmentsCasesTasksOrApplicants() {
		Fixture fixture = fixture();
		for (String approver : List.of("approver-scjg", "head-scjg")) {
			JsonNode page = this.api.get(approver, "/api/cases?size=200").json();
			assertThat(page.get("items").findValuesAsText("department")).isNotEmpty().containsOnly("scjg");
			assertThat(page.get("items").findValuesAsText("caseNo")).doesNotContain(fixture.wjjCase());
			assertThat(this.api.get(approver, "/api/cases?department=wjj").status()).isEqualTo(403);
			assertThat(this.api.get(approver, "/api/cases/" + fixture.wjjCase()).status()).isEqualTo(403);
			assertThat(this.api.get(approver, "/api/cases/" + fixture.wjjCase() + "/materials").status()).isEqualTo(403);
			assertThat(this.api.get(approver, "/api/reviews?department=wjj").status()).isEqualTo(403);
		}
		JsonNode wjjPage = this.api.get("approver-wjj", "/api/cases?size=200").json();
		assertThat(wjjPage.get("items").findValuesAsText("caseNo")).contains(fixture.wjjCase())
			.doesNotContain(fixture.scjgCase());
		// each task in a list is offered to one of the caller's groups or assigned to it
		for (String approver : List.of("approver-scjg", "head-scjg", "approver-wjj", "head-wjj")) {
			String department = approver.substring(approver.indexOf('-') + 1);
			JsonNode tasks = this.api.get(approver, "/api/tasks").json();
			for (JsonNode task : tasks) {
				List<String> groups = new ArrayList<>();
				task.path("candidateGroups").forEach(g -> groups.add(g.asText()));
				assertThat(approver.equals(task.path("assignee").asText())
						|| groups.stream().anyMatch(g -> g.endsWith("-" + department)))
					.as(approver + " sees task " + task)
					.isTrue();
			}
			assertThat(tasks.findValuesAsText("caseNo"))
				.doesNotContain(department.equals("scjg") ? fixture.wjjCase() : fixture.scjgCase());
		}
		// the window and the supervisors see every department, the applicant masked; the owner too
		for (String reader : List.of("clerk", "supervisor", "approver-wjj", "admin")) {
			JsonNode applicant = this.api.get(reader, "/api/cases/" + fixture.wjjCase()).json().get("applicant");
			assertThat(applicant.get("idNumber").asText()).isEqualTo("330304********1234");
			assertThat(applicant.get("phone").asText()).isEqualTo("139****1234");
			assertThat(applicant.get("name").asText()).isEqualTo("李*");
		}
	}

	// ---------------------------------------------------------------------------------------------
	// the matrix

	/**
	 * Every route of the platform's controllers. Columns: anonymous, clerk (window), approver-scjg,
	 * head-scjg, approver-wjj, head-wjj, supervisor, reviewer (review office), analyst, admin.
	 */
	static List<Row> apiRows(Fixture f) {
		String scjg = f.scjgCase();
		String wjj = f.wjjCase();
		String task = "/api/tasks/" + f.scjgTask();
		String review = "/api/reviews/" + f.reviewId();
		return List.of(
		// route                                    request                                                             anon clerk  a-scjg h-scjg a-wjj h-wjj sup  rev  ana  admin   what an allowed caller gets
		// the catalog and the calendar: everyone who is logged in
		row("GET /api/matters",                       get("/api/matters"),                                          "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/matters/{code}",                get("/api/matters/SCJG-SPJY-001"),                            "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/stations",                      get("/api/stations"),                                         "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/bundles",                       get("/api/bundles"),                                          "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/bundles/{code}",                get("/api/bundles/YJS-KBQY-001"),                             "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/calendar/{year}",               get("/api/calendar/2026"),                                    "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/calendar/add",                  get("/api/calendar/add?from=2026-09-30&workdays=5"),          "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("PUT /api/calendar/{year}",               put("/api/calendar/2026", f.calendar2026()),                  "401 403  403    403    403   403   403  403  403  ok", 200),
		// lists: everyone, each filtered to what it may see (aDepartmentNeverSees… checks the content)
		row("GET /api/cases",                         get("/api/cases"),                                            "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/tasks",                         get("/api/tasks"),                                            "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/reviews",                       get("/api/reviews"),                                          "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		// 审批工作台: its pages (anonymous: 302 to its login page), who is logged in, a step's form for who may
		// work it, the deployed diagrams as /engine-rest shows them to every logged-in user
		row("GET /workbench",                         get("/workbench"),                                            "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /workbench/",                        get("/workbench/"),                                           "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /workbench/login",                   get("/workbench/login"),                                      "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /workbench/done",                    get("/workbench/done"),                                       "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /workbench/handled",                 get("/workbench/handled"),                                    "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /workbench/copies",                  get("/workbench/copies"),                                     "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /workbench/consultations",           get("/workbench/consultations"),                              "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /workbench/head",                    get("/workbench/head"),                                       "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /workbench/tasks/{taskId}",          get("/workbench/tasks/" + f.scjgTask()),                      "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 200, 302),
		row("GET /api/workbench/me",                  get("/api/workbench/me"),                                     "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/workbench/tasks/{id}",          get("/api/workbench/tasks/" + f.scjgTask()),                  "401 403  ok     403    403   403   403  403  403  ok", 200),
		// who a step may go to (转办, 委派): for who may work it and the department's head
		row("GET /api/workbench/colleagues",          get("/api/workbench/colleagues?taskId=" + f.scjgTask()),      "401 403  ok     ok     403   403   403  403  403  ok", 200),
		row("GET /api/workbench/departments",         get("/api/workbench/departments"),                            "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/workbench/process-definitions/{id}/xml", (api, user) -> api.get(user, "/api/workbench/process-definitions/"
				+ api.get("admin", "/engine-rest/process-definition/key/Process_FoodBusinessLicence").json().get("id").asText() + "/xml"),
				                                                                                                     "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		// one case of 市场监管: its department, the window, supervisors (and admins) read it
		row("GET /api/cases/{caseNo}",                get("/api/cases/" + scjg),                                    "401 ok   ok     ok     403   403   ok   403  403  ok", 200),
		row("GET /cases/{caseNo}/notices/{kind}",     get("/cases/" + scjg + "/notices/acceptance"),                "401 ok   ok     ok     403   403   ok   403  403  ok", 200),
		// its applicant's files: the department, the window, supervisors; not even the administrator
		row("GET /api/cases/{caseNo}/materials",      get("/api/cases/" + scjg + "/materials"),                     "401 ok   ok     ok     403   403   ok   403  403  403", 200),
		row("GET /cases/{caseNo}/materials",          get("/cases/" + scjg + "/materials"),                         "401 ok   ok     ok     403   403   ok   403  403  403", 200),
		row("GET /api/cases/{caseNo}/files/{fileId}", get("/api/cases/" + scjg + "/files/" + f.fileId()),           "401 ok   ok     ok     403   403   ok   403  403  403", 200),
		// intake and supplements: the window (a material the matter lacks is refused, nothing stored)
		row("POST /api/cases",                        post("/api/cases", f.intake()),                               "401 ok   403    403    403   403   403  403  403  ok", 200, 201),
		row("POST /api/cases [multipart]",            multipart("/api/cases", List.of(Api.Part.json("application", f.multipartIntake()),
				Api.Part.file("M01", "M01.pdf", SampleFiles.pdf("matrix")))),                                    "401 ok   403    403    403   403   403  403  403  ok", 200, 201),
		row("POST /api/cases/{caseNo}/supplements",   post("/api/cases/" + wjj + "/supplements", Map.of("materials", List.of("ZZZ"))),
				                                                                                                     "401 ok   403    403    403   403   403  403  403  ok", 400),
		row("POST /api/cases/{caseNo}/supplements [multipart]", multipart("/api/cases/" + wjj + "/supplements",
				List.of(Api.Part.json("supplement", Map.of("materials", List.of("ZZZ"))))),                       "401 ok   403    403    403   403   403  403  403  ok", 400),
		// the department's steps: its approvers (the review step is not the head's), admins
		row("POST /api/tasks/{id}/claim",             post(task + "/claim", null),                                  "401 403  ok     403    403   403   403  403  403  ok", 204, 409),
		row("POST /api/tasks/{id}/unclaim",           post(task + "/unclaim", null),                                "401 403  ok     403    403   403   403  403  403  ok", 204),
		row("POST /api/tasks/{id}/request-supplement",post(task + "/request-supplement", Map.of("materials", List.of("ZZZ"), "workdays", 5)),
				                                                                                                     "401 403  ok     403    403   403   403  403  403  ok", 400),
		row("POST /api/tasks/{id}/special-procedure", post(task + "/special-procedure", Map.of("kind", "SITE_CHECK", "maxWorkdays", 5)),
				                                                                                                     "401 403  ok     403    403   403   403  403  403  ok", 204, 409),
		row("POST /api/cases/{caseNo}/special-procedure/end", post("/api/cases/" + scjg + "/special-procedure/end", null),
				                                                                                                     "401 403  ok     ok     403   403   403  403  403  ok", 204, 409),
		row("POST /api/tasks/{id}/complete",          post(task + "/complete", Map.of("decision", "RETURN")),       "401 403  ok     403    403   403   403  403  403  ok", 400),
		// the workbench's operations on the department's step: its approvers, its head (who may act on a
		// colleague's step), admins; bodies an allowed caller gets refused for (nothing changes)
		row("POST /api/tasks/{id}/transfer",          post(task + "/transfer", Map.of("to", "nobody", "reason", "x")),
				                                                                                                     "401 403  ok     ok     403   403   403  403  403  ok", 400),
		row("POST /api/tasks/transfer",               post("/api/tasks/transfer", Map.of("taskIds", List.of(f.scjgTask()), "to", "nobody", "reason", "x")),
				                                                                                                     "401 403  403    ok     403   403   403  403  403  ok", 400),
		row("POST /api/tasks/{id}/delegate",          post(task + "/delegate", Map.of("to", "nobody")),            "401 403  ok     ok     403   403   403  403  403  ok", 400),
		// only the delegate hands a step back, and this one is delegated to nobody
		row("POST /api/tasks/{id}/resolve",           post(task + "/resolve", Map.of("opinion", "x")),             "401 403  403    403    403   403   403  403  403  403", 403),
		row("POST /api/tasks/{id}/send-back",         post(task + "/send-back", Map.of("to", "Task_Nowhere", "reason", "x")),
				                                                                                                     "401 403  ok     ok     403   403   403  403  403  ok", 409),
		row("POST /api/tasks/{id}/consultations",     post(task + "/consultations", Map.of("group", "dept-scjg", "question", "x", "workdays", 3)),
				                                                                                                     "401 403  ok     ok     403   403   403  403  403  ok", 400),
		row("GET /api/tasks/{id}/consultations",      get(task + "/consultations"),                                 "401 ok   ok     ok     403   403   ok   403  403  ok", 200),
		row("POST /api/tasks/{id}/copies",            post(task + "/copies", Map.of("users", List.of("nobody"))),  "401 403  ok     ok     403   403   403  403  403  ok", 400),
		// each person's own lists: everyone logged in, each sees only its own (WorkbenchOperations… checks)
		row("GET /api/consultations",                 get("/api/consultations"),                                    "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("POST /api/consultations/{id}/answer",    post("/api/consultations/0/answer", Map.of("opinion", "x")), "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 404),
		row("GET /api/copies",                        get("/api/copies"),                                           "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("POST /api/copies/{id}/read",             post("/api/copies/0/read", null),                             "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 404),
		row("GET /api/opinion-phrases",               get("/api/opinion-phrases"),                                  "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("POST /api/opinion-phrases",              post("/api/opinion-phrases", Map.of("text", " ")),            "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 400),
		row("DELETE /api/opinion-phrases/{id}",       (api, user) -> api.delete(user, "/api/opinion-phrases/0"),    "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 404),
		row("GET /api/tasks/done",                    get("/api/tasks/done"),                                       "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/cases/touched",                 get("/api/cases/touched"),                                    "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/notifications",                 get("/api/notifications"),                                    "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /api/notifications/unread-count",    get("/api/notifications/unread-count"),                       "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("POST /api/notifications/{id}/read",      post("/api/notifications/0/read", null),                      "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 404),
		row("POST /api/notifications/read-all",       post("/api/notifications/read-all", null),                    "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		// the applicant's full data: the owning department and the window, recorded; not supervisors, not admins
		row("POST /api/cases/{caseNo}/applicant/reveal", post("/api/cases/" + scjg + "/applicant/reveal", null),
				                                                                                                     "401 ok   ok     ok     403   403   403  403  403  403", 200),
		// 一件事: the window takes it in, hands in supplements, withdraws it
		row("POST /api/bundles/{code}/cases",         post("/api/bundles/YJS-KBQY-001/cases", f.bundleIntake()),    "401 ok   403    403    403   403   403  403  403  ok", 200, 201),
		row("POST /api/bundles/cases/{caseNo}/supplements", post("/api/bundles/cases/" + f.bundleCase() + "/supplements",
				Map.of("materials", List.of("ZZZ"))),                                                             "401 ok   403    403    403   403   403  403  403  ok", 400),
		row("POST /api/bundles/cases/{caseNo}/withdraw", post("/api/bundles/cases/" + f.bundleCase() + "/withdraw", null),
				                                                                                                     "401 ok   403    403    403   403   403  403  403  ok", 200, 409),
		// supervision: supervisors (and admins) read everything and change nothing but urges
		// the error page: open to all (a refused request keeps its status); called directly it finds nothing
		row("ANY /error",                             get("/error"),                                                "ok  ok   ok     ok     ok    ok    ok   ok   ok   ok", 404),
		row("GET /supervision",                       get("/supervision"),                                          "401 403  403    403    403   403   ok   403  403  ok", 200),
		row("GET /api/supervision/overdue",           get("/api/supervision/overdue"),                              "401 403  403    403    403   403   ok   403  403  ok", 200),
		row("GET /api/supervision/overdue/by-department", get("/api/supervision/overdue/by-department"),           "401 403  403    403    403   403   ok   403  403  ok", 200),
		row("GET /api/supervision/overdue/cases",     get("/api/supervision/overdue/cases"),                        "401 403  403    403    403   403   ok   403  403  ok", 200),
		row("GET /api/supervision/stats",             get("/api/supervision/stats"),                                "401 403  403    403    403   403   ok   403  403  ok", 200),
		row("GET /api/supervision/urges",             get("/api/supervision/urges"),                                "401 403  403    403    403   403   ok   403  403  ok", 200),
		row("POST /api/supervision/cases/{caseNo}/urge", post("/api/supervision/cases/" + scjg + "/urge", Map.of("message", "请说明进度")),
				                                                                                                     "401 403  403    403    403   403   ok   403  403  ok", 201),
		// the dashboard row's form: back to the page (302) with the urge issued
		row("POST /supervision/cases/{caseNo}/urge",  form("/supervision/cases/" + scjg + "/urge", Map.of("message", "请说明进度")),
				                                                                                                     "401 403  403    403    403   403   ok   403  403  ok", 302),
		row("POST /api/urges/{id}/answer",            post("/api/urges/" + f.urgeId() + "/answer", Map.of("answer", "已安排")),
				                                                                                                     "401 403  403    ok     403   403   403  403  403  ok", 200, 409),
		// 好差评: the window submits reviews and ratings, the department rectifies, the review office decides appeals
		row("POST /api/cases/{caseNo}/reviews",       post("/api/cases/" + f.finishedCase() + "/reviews", Map.of("score", 5, "channel", "PC")),
				                                                                                                     "401 ok   403    403    403   403   403  403  403  ok", 201, 409),
		row("GET /api/reviews/{id}",                  get(review),                                                  "401 ok   ok     ok     403   403   ok   ok   403  ok", 200),
		row("POST /api/reviews/{id}/contact",         post(review + "/contact", Map.of("appeal", true, "opinion", "申请人误评")),
				                                                                                                     "401 403  ok     ok     403   403   403  403  403  ok", 200, 409),
		row("POST /api/reviews/{id}/appeal-decision", post(review + "/appeal-decision", Map.of("upheld", false, "opinion", "维持差评")),
				                                                                                                     "401 403  403    403    403   403   403  ok   403  ok", 200, 409),
		row("POST /api/reviews/{id}/answer",          post(review + "/answer", Map.of("answer", "已增设窗口")),    "401 403  ok     ok     403   403   403  403  403  ok", 200, 409),
		row("POST /api/reviews/{id}/rating",          post(review + "/rating", Map.of("score", 4)),                 "401 ok   403    403    403   403   403  403  403  ok", 200, 409),
		// analysts move running cases to a new version (a plan here: dryRun)
		row("POST /api/migrations",                   post("/api/migrations", Map.of("matter", "SCJG-SPJY-001", "dryRun", true)),
				                                                                                                     "401 403  403    403    403   403   403  403  ok   ok", 200));
	}

	/** The engine's REST API as the Modeler, Tasklist's users and administrators use it. */
	static List<Row> engineRows(Fixture f) {
		return List.of(
		// route                                    request                                                             anon clerk  a-scjg h-scjg a-wjj h-wjj sup  rev  ana  admin
		row("POST /engine-rest/deployment/create",   (api, user) -> deploy(f.port(), user),                         "401 403  403    403    403   403   403  403  ok   ok", 200),
		row("GET /engine-rest/deployment",           get("/engine-rest/deployment"),                               "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /engine-rest/process-definition",   get("/engine-rest/process-definition"),                       "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		// the window starts cases from the start forms (the same intake runs)
		row("POST /engine-rest/process-definition/key/{key}/start", post("/engine-rest/process-definition/key/Process_FoodBusinessLicence/start",
				f.startForm()),                                                                                      "401 ok   403    403    403   403   403  403  403  ok", 200),
		row("GET /engine-rest/task",                  get("/engine-rest/task"),                                     "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		// a step is completed by its department (as Tasklist does), by nobody else; one open step per
		// allowed caller, so that every refusal is about a step that still exists
		row("POST /engine-rest/task/{id}/complete",   (api, user) -> api.post(user, "/engine-rest/task/" + openStep(api, f.engineTasks())
				+ "/complete", Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"), "opinion", Map.of("value", "同意")))),
				                                                                                                     "401 403  ok     403    403   403   403  403  403  ok", 204),
		row("GET /engine-rest/history/process-instance", get("/engine-rest/history/process-instance"),             "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		row("GET /engine-rest/history/task",          get("/engine-rest/history/task"),                             "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200),
		// users, groups and authorizations: administrators only
		row("POST /engine-rest/user/create",          post("/engine-rest/user/create", Map.of("profile", Map.of("id", "matrix-user",
				"firstName", "矩阵", "lastName", "测试", "email", "matrix@demo.invalid"), "credentials", Map.of("password", "Matrix-pass-2026"))),
				                                                                                                     "401 403  403    403    403   403   403  403  403  ok", 204),
		row("POST /engine-rest/group/create",         post("/engine-rest/group/create", Map.of("id", "matrix-group", "name", "矩阵测试", "type", "WORKFLOW")),
				                                                                                                     "401 403  403    403    403   403   403  403  403  ok", 204),
		row("POST /engine-rest/authorization/create", post("/engine-rest/authorization/create", Map.of("type", 1, "permissions",
				List.of("READ"), "groupId", "matrix-group", "resourceType", 6, "resourceId", "*")),              "401 403  403    403    403   403   403  403  403  ok", 200),
		row("GET /engine-rest/user",                  get("/engine-rest/user"),                                     "401 ok   ok     ok     ok    ok    ok   ok   ok   ok", 200));
	}

	// ---------------------------------------------------------------------------------------------

	/** A row: the route as the handler mapping names it, how to call it, the cells, what an allowed caller gets. */
	record Row(String route, BiFunction<Api, String, Api.Response> call, List<String> cells, Set<Integer> allowed) {
	}

	static Row row(String route, BiFunction<Api, String, Api.Response> call, String cells, Integer... allowed) {
		List<String> parsed = List.of(cells.trim().split("\\s+"));
		assertThat(parsed).as(route).hasSize(CALLERS.size());
		return new Row(route, call, parsed, Set.of(allowed));
	}

	static BiFunction<Api, String, Api.Response> get(String path) {
		return (api, user) -> api.get(user, path);
	}

	static BiFunction<Api, String, Api.Response> post(String path, Object body) {
		return (api, user) -> body == null ? api.post(user, path, (String) null) : api.post(user, path, body);
	}

	static BiFunction<Api, String, Api.Response> form(String path, Map<String, String> fields) {
		return (api, user) -> api.postForm(user, path, fields, Map.of());
	}

	static BiFunction<Api, String, Api.Response> put(String path, Object body) {
		return (api, user) -> api.put(user, path, body);
	}

	static BiFunction<Api, String, Api.Response> multipart(String path, List<Api.Part> parts) {
		return (api, user) -> api.postMultipart(user, path, parts);
	}

	/** The first of these tasks still open. */
	static String openStep(Api api, List<String> tasks) {
		return tasks.stream()
			.filter(id -> api.get("admin", "/engine-rest/task/" + id).status() == 200)
			.findFirst()
			.orElseThrow();
	}

	static Api.Response deploy(int port, String user) {
		String bpmn = Deployments.smallestDiagram("Process_MatrixDeployment", "部署权限矩阵");
		try {
			var response = Deployments.create(port, user, bpmn);
			return new Api.Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private int run(List<Row> rows, List<String> wrong, List<Api.Response> answers) {
		int cells = 0;
		for (Row row : rows) {
			for (int i = 0; i < CALLERS.size(); i++) {
				String user = CALLERS.get(i);
				Api.Response response = row.call().apply(this.api, user);
				answers.add(response);
				cells++;
				String expected = row.cells().get(i);
				boolean holds = switch (expected) {
					case "401" -> response.status() == 401;
					case "403" -> response.status() == 403 && forbiddenBody(response);
					default -> row.allowed().contains(response.status());
				};
				if (!holds) {
					wrong.add(row.route() + " as " + (user == null ? "anonymous" : user) + ": expected " + expected
							+ (expected.equals("ok") ? " " + row.allowed() : "") + ", got " + abbreviate(response));
				}
			}
		}
		return cells;
	}

	/** A refusal says why: the API's error body, or the engine's. */
	private static boolean forbiddenBody(Api.Response response) {
		String body = response.body() == null ? "" : response.body();
		return body.contains("\"FORBIDDEN\"") || body.contains("AuthorizationException") || body.contains("\"error\"");
	}

	private static void assertNoPersonalDataIn(List<Api.Response> answers) {
		for (Api.Response answer : answers) {
			if (answer.status() == 200 && answer.body().contains("\"revealedTo\"")) {
				// the one deliberate exception: POST /api/cases/{caseNo}/applicant/reveal, recorded per reveal
				continue;
			}
			assertThat(answer.body()).as("an answer holds an ID number or a phone in full")
				.doesNotContain(WJJ_ID_NUMBER, WJJ_PHONE, Applicants.COMPANY_CODE, "13812345678");
		}
	}

	private static String abbreviate(Api.Response response) {
		String text = response.toString();
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	// ---------------------------------------------------------------------------------------------
	// the cases the matrix works on

	/**
	 * A food licence of 市场监管 taken in online (its files stored), its open review step; a birth
	 * certificate of 卫健; a finished registration with a bad review and one without review; an urge;
	 * a 开办企业一件事; two more food licences whose steps are completed through /engine-rest.
	 */
	record Fixture(int port, String scjgCase, String fileId, String scjgTask, String wjjCase, String finishedCase,
			long reviewId, long urgeId, String bundleCase, List<String> engineTasks, Map<String, Object> calendar2026) {

		static final Fixture NONE = new Fixture(0, "", "", "", "", "", 0, 0, "", List.of(), Map.of());

		Map<String, Object> intake() {
			return Applicants.foodLicence("matrix-intake-json");
		}

		Map<String, Object> multipartIntake() {
			// online: materials come as files (one here, so the answer is a one-time notice)
			Map<String, Object> body = Applicants.foodLicence("matrix-intake-multipart");
			body.put("channel", "PC");
			body.put("materials", List.of("M01", "M02", "M03", "M04", "M05")
				.stream()
				.map(code -> Map.of("code", code, "provided", false))
				.toList());
			return body;
		}

		Map<String, Object> bundleIntake() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("requestId", "matrix-bundle-again");
			body.put("channel", "WINDOW");
			body.put("station", "OH-CENTRE");
			body.put("applicant", Map.of("type", "ORG", "name", "温州市瓯海区新开科技有限公司", "idNumber",
					Applicants.COMPANY_CODE, "phone", "13812345678"));
			body.put("answers", Map.of("needSeal", true, "needInvoice", true, "hireEmployees", false, "openBankAccount", true));
			body.put("materials", List.of("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K09")
				.stream()
				.map(code -> Map.of("code", code, "provided", true))
				.toList());
			return body;
		}

		/** What Tasklist posts when the clerk fills in the food licence's start form. */
		Map<String, Object> startForm() {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("applicantType", Map.of("value", "ORG"));
			variables.put("pii_applicantName", Map.of("value", "温州市瓯海区好味餐饮店"));
			variables.put("pii_idNumber", Map.of("value", Applicants.COMPANY_CODE));
			variables.put("pii_phone", Map.of("value", "13812345678"));
			variables.put("station", Map.of("value", "OH-CENTRE"));
			for (String code : List.of("M01", "M02", "M03", "M04", "M05")) {
				variables.put("material_" + code, Map.of("value", true));
			}
			return Map.of("variables", variables);
		}

	}

	private Fixture fixture() {
		String scjgCase = this.steps.acceptFoodLicence("PC");
		String fileId = this.api.get("clerk", "/api/cases/" + scjgCase + "/materials").json().findValue("files").get(0)
			.get("id")
			.asText();
		String scjgTask = this.steps.task("approver-scjg", scjgCase).get("id").asText();
		List<String> birthMaterials = this.api.get("clerk", "/api/matters/WJJ-CSZM-001").json().get("materials")
			.findValuesAsText("code");
		Map<String, Object> birth = Applicants.personIntake("matrix-" + System.nanoTime(), "WJJ-CSZM-001", "OH-CENTRE",
				birthMaterials, birthMaterials);
		birth.put("applicant", Map.of("type", "PERSON", "name", "李四", "idNumber", WJJ_ID_NUMBER, "phone", WJJ_PHONE));
		String wjjCase = this.steps.accept(birth);
		String reviewed = finishedRegistration();
		Api.Response review = this.api.post("clerk", "/api/cases/" + reviewed + "/reviews",
				Map.of("score", 1, "comment", "排队太久", "channel", "WINDOW"));
		assertThat(review.status()).as(review.toString()).isEqualTo(201);
		Api.Response urge = this.api.post("supervisor", "/api/supervision/cases/" + scjgCase + "/urge",
				Map.of("message", "请加快办理"));
		assertThat(urge.status()).as(urge.toString()).isEqualTo(201);
		Fixture draft = new Fixture(this.port, scjgCase, fileId, scjgTask, wjjCase, finishedRegistration(),
				review.json().get("id").asLong(), urge.json().get("id").asLong(), "", List.of(), Map.of());
		Map<String, Object> bundle = draft.bundleIntake();
		bundle.put("requestId", "matrix-bundle-" + System.nanoTime());
		Api.Response bundleCase = this.api.post("clerk", "/api/bundles/YJS-KBQY-001/cases", bundle);
		assertThat(bundleCase.status()).as(bundleCase.toString()).isEqualTo(201);
		List<String> engineTasks = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			engineTasks.add(this.steps.task("approver-scjg", this.steps.acceptFoodLicence("WINDOW")).get("id").asText());
		}
		JsonNode year = this.api.get("clerk", "/api/calendar/2026").json();
		Map<String, Object> calendar = Map.of("holidays", days(year.get("holidays")), "workdays", days(year.get("workdays")));
		return new Fixture(this.port, scjgCase, fileId, scjgTask, wjjCase, draft.finishedCase(), draft.reviewId(),
				draft.urgeId(), bundleCase.json().get("caseNo").asText(),
				engineTasks, calendar);
	}

	/** 个体工商户设立登记, decided at the window the same day. */
	private String finishedRegistration() {
		String caseNo = this.steps.acceptPerson("SCJG-GTDJ-001", "OH-CENTRE", "WINDOW", List.of("M01", "M02", "M03", "M04"));
		this.steps.complete("clerk", caseNo, "APPROVE");
		return caseNo;
	}

	private static List<Map<String, String>> days(JsonNode days) {
		List<Map<String, String>> list = new ArrayList<>();
		days.forEach(d -> list.add(Map.of("date", d.get("date").asText(), "name", d.get("name").asText())));
		return list;
	}

}
