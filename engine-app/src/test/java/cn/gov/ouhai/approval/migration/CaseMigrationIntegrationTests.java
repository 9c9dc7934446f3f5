package cn.gov.ouhai.approval.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.EngineJobs;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * An analyst's change to a real diagram (公共场所卫生许可, from process-models/) deployed as a new
 * version while cases run: running cases stay on their version, new ones get the new limits; the
 * migration moves the case waiting at a step both versions have, keeps its due dates, timers and
 * clock, and reports the case waiting at a step the new version renamed away. The diagram is
 * deployed under a key of the test's own, so the platform's own process is untouched.
 */
@PlatformTest
class CaseMigrationIntegrationTests {

	static final Path MODELS = Path.of("..", "process-models");

	static final Path FORMS = Path.of("..", "form-definitions");

	static final String ORIGINAL = "Process_PublicPlaceHygieneLicence";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	Api api;

	String key;

	String matter;

	final List<String> deployments = new ArrayList<>();

	@BeforeEach
	void matterOfItsOwn() {
		this.api = new Api(this.port);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.key = "Process_HygieneMigration" + suffix;
		this.matter = "TEST-MIG-" + suffix;
		this.jdbc.update("INSERT INTO matter (code, name, department_code, kind, statutory_workdays, promised_workdays, "
				+ "commitment_allowed, process_key) VALUES (?, '公共场所卫生许可（迁移测试）', 'wjj', 'PROMISED', 20, 7, FALSE, ?)",
				this.matter, this.key);
		this.jdbc.update("INSERT INTO matter_material (matter_code, code, name, tolerable, sort_order) "
				+ "SELECT ?, code, name, tolerable, sort_order FROM matter_material WHERE matter_code = 'WJJ-GGCS-001'",
				this.matter);
		this.jdbc.update("INSERT INTO matter_station (matter_code, station_code, decides) VALUES (?, 'OH-CENTRE', TRUE)",
				this.matter);
	}

	@AfterEach
	void removeDeployments() {
		this.deployments.forEach(id -> this.repository.deleteDeployment(id, true, true));
	}

	@Test
	void movesCasesWhoseStepsRemainKeepsTheirDueDatesAndReportsTheOthers() throws IOException {
		String original = Files.readString(MODELS.resolve(ORIGINAL + ".bpmn"), StandardCharsets.UTF_8);
		deploy(original.replace(ORIGINAL, this.key));
		String waitingAtReview = intake();
		String waitingAtDecision = intake();
		complete("approver-wjj", taskOf("approver-wjj", waitingAtDecision), "APPROVE");
		JsonNode reviewBefore = taskOf("approver-wjj", waitingAtReview);
		assertThat(reviewBefore.get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
		String pid = processOf(waitingAtReview);
		Map<String, Instant> timersBefore = EngineJobs.timers(this.management, pid);
		JsonNode slaBefore = sla(waitingAtReview);

		// the analyst's change: review 3 → 2 working days, the decision step 2 → 1 and renamed
		String changed = original.replace(ORIGINAL, this.key)
			.replace("name=\"sla.workdays\" value=\"2\"", "name=\"sla.workdays\" value=\"1\"")
			.replace("name=\"sla.workdays\" value=\"3\"", "name=\"sla.workdays\" value=\"2\"")
			.replaceAll("Task_DecideLicence(?=\")", "Task_DecideLicenceByHead");
		deploy(changed);

		// running cases keep their version; a new case gets the new limit
		assertThat(versionOf(waitingAtReview)).isEqualTo(1);
		assertThat(versionOf(waitingAtDecision)).isEqualTo(1);
		String fresh = intake();
		assertThat(versionOf(fresh)).isEqualTo(2);
		Instant freshDue = Instant.parse(dueOf(taskOf("approver-wjj", fresh)));
		assertThat(freshDue).isBefore(Instant.parse(dueOf(reviewBefore)));

		// a dry run plans and changes nothing
		Api.Response plan = this.api.post("analyst", "/api/migrations", Map.of("matter", this.matter, "dryRun", true));
		assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		assertThat(plan.json().get("migrated").findValuesAsText("caseNo")).containsExactly(waitingAtReview);
		assertThat(plan.json().get("notMigrated").findValuesAsText("caseNo")).containsExactly(waitingAtDecision);
		assertThat(versionOf(waitingAtReview)).isEqualTo(1);

		Api.Response done = this.api.post("analyst", "/api/migrations", Map.of("matter", this.matter));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		JsonNode report = done.json();
		assertThat(report.get("targetVersion").asInt()).isEqualTo(2);
		assertThat(report.get("migrated").findValuesAsText("caseNo")).containsExactly(waitingAtReview);
		JsonNode kept = report.get("notMigrated").get(0);
		assertThat(kept.get("caseNo").asText()).isEqualTo(waitingAtDecision);
		assertThat(kept.get("waitingAt").toString()).contains("Task_DecideLicence");
		assertThat(kept.get("reasons").toString()).contains("Task_DecideLicence");
		assertThat(versionOf(waitingAtReview)).isEqualTo(2);
		assertThat(versionOf(waitingAtDecision)).isEqualTo(1);

		// the moved case keeps the due date, warnings and clock it had: the applicant's limits do not change
		JsonNode reviewAfter = taskOf("approver-wjj", waitingAtReview);
		assertThat(dueOf(reviewAfter)).isEqualTo(dueOf(reviewBefore));
		assertThat(EngineJobs.timers(this.management, pid)).isEqualTo(timersBefore);
		assertThat(sla(waitingAtReview)).isEqualTo(slaBefore);
		assertThat(this.api.get("clerk", "/api/cases/" + waitingAtReview).json().get("timeline").findValuesAsText("decision"))
			.contains("v1→v2");
		// the next step follows the new version: the renamed decision step with its limit of 1 working day
		complete("approver-wjj", reviewAfter, "APPROVE");
		JsonNode decision = taskOf("head-wjj", waitingAtReview);
		assertThat(decision.get("stepId").asText()).isEqualTo("Task_DecideLicenceByHead");
		assertThat(Instant.parse(dueOf(decision))).isBefore(Instant.parse(dueOf(reviewAfter)));

		// a second run finds nothing more to move, and says why the other case stays
		JsonNode again = this.api.post("analyst", "/api/migrations", Map.of("processKey", this.key)).json();
		assertThat(again.get("migrated")).isEmpty();
		assertThat(again.get("notMigrated").findValuesAsText("caseNo")).containsExactly(waitingAtDecision);
	}

	@Test
	void onlyAnalystsAndAdministratorsMigrateAndBadRequestsChangeNothing() {
		assertThat(this.api.post("approver-wjj", "/api/migrations", Map.of("matter", "WJJ-GGCS-001")).status())
			.isEqualTo(403);
		assertThat(this.api.post("clerk", "/api/migrations", Map.of("matter", "WJJ-GGCS-001")).status()).isEqualTo(403);
		Api.Response noMatter = this.api.post("analyst", "/api/migrations", Map.of("matter", "NO-SUCH-MATTER"));
		assertThat(noMatter.status()).isEqualTo(404);
		assertThat(noMatter.json().get("message").asText()).contains("没有这个事项");
		Api.Response neither = this.api.post("analyst", "/api/migrations", Map.of("dryRun", true));
		assertThat(neither.status()).isEqualTo(400);
		Api.Response noVersion = this.api.post("admin", "/api/migrations",
				Map.of("processKey", ORIGINAL, "toVersion", 99, "dryRun", true));
		assertThat(noVersion.status()).isEqualTo(404);
		assertThat(this.api.post("analyst", "/api/migrations", Map.of("processKey", ORIGINAL, "fromVersion", 0)).status())
			.isEqualTo(400);
	}

	private void deploy(String bpmn) throws IOException {
		// the diagrams bind their forms by deployment: the forms travel with them, as scripts/deploy-models does
		DeploymentBuilder deployment = this.repository.createDeployment()
			.name("migration-test")
			.addString(this.key + ".bpmn", bpmn);
		try (Stream<Path> forms = Files.list(FORMS)) {
			for (Path form : forms.toList()) {
				deployment.addString(form.getFileName().toString(), Files.readString(form, StandardCharsets.UTF_8));
			}
		}
		this.deployments.add(deployment.deploy().getId());
	}

	private String intake() {
		List<String> all = this.jdbc.queryForList(
				"SELECT code FROM matter_material WHERE matter_code = ? ORDER BY sort_order", String.class, this.matter);
		Api.Response created = this.api.post("clerk", "/api/cases",
				Applicants.intake("migration-" + UUID.randomUUID(), this.matter, "OH-CENTRE", all, all));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("caseNo").asText();
	}

	private String processOf(String caseNo) {
		return this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?", String.class,
				caseNo);
	}

	private int versionOf(String caseNo) {
		String definition = this.runtime.createProcessInstanceQuery()
			.processInstanceId(processOf(caseNo))
			.singleResult()
			.getProcessDefinitionId();
		return this.repository.getProcessDefinition(definition).getVersion();
	}

	private JsonNode sla(String caseNo) {
		return this.api.get("clerk", "/api/cases/" + caseNo).json().get("sla");
	}

	private static String dueOf(JsonNode task) {
		return java.time.OffsetDateTime.parse(task.get("dueDate").asText()).toInstant().toString();
	}

	private JsonNode taskOf(String user, String caseNo) {
		for (JsonNode task : this.api.get(user, "/api/tasks").json()) {
			if (caseNo.equals(task.path("caseNo").asText())) {
				return task;
			}
		}
		throw new AssertionError("no task of " + caseNo + " for " + user);
	}

	private void complete(String user, JsonNode task, String decision) {
		Api.Response done = this.api.post(user, "/api/tasks/" + task.get("id").asText() + "/complete",
				Map.of("decision", decision));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
	}

}
