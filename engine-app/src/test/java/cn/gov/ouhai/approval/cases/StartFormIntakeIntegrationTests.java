package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * A clerk starts a case from the matter's start form in Tasklist (the same REST call Tasklist
 * makes). The applicant's ID number and phone end up in the case row, masked on screen, and never
 * in the engine's runtime or history tables.
 */
@PlatformTest
class StartFormIntakeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void registersTheCaseAndKeepsPersonalDataOutOfTheEngine() {
		String personId = "330304198801011231";
		String form = """
				{"variables": {
				  "applicantType": {"value": "PERSON", "type": "String"},
				  "pii_applicantName": {"value": "欧阳娜娜", "type": "String"},
				  "pii_idNumber": {"value": "%s", "type": "String"},
				  "pii_phone": {"value": "13900001111", "type": "String"},
				  "station": {"value": "OH-ZEYA", "type": "String"},
				  "material_M01": {"value": true, "type": "Boolean"},
				  "material_M02": {"value": true, "type": "Boolean"},
				  "material_M03": {"value": true, "type": "Boolean"},
				  "material_M04": {"value": false, "type": "Boolean"},
				  "commitment": {"value": true, "type": "Boolean"}
				}}""".formatted(personId);
		Api.Response started = this.api.post("clerk",
				"/engine-rest/process-definition/key/Process_IndividualBusinessRegistration/submit-form", form);
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String processInstanceId = started.json().get("id").asText();
		String caseNo = started.json().get("businessKey").asText();
		assertThat(caseNo).matches("330304-\\d{8}-\\d{6}");

		assertThat(this.runtime.getVariables(processInstanceId)).containsOnlyKeys("caseNo", "matterCode",
				"handlingGroup", "greenChannel", "approvalOnCommitment", "deficiencyCleared");
		// 受办合一: 泽雅镇 decides 个体工商户登记 itself
		assertThat(this.runtime.getVariable(processInstanceId, "handlingGroup")).isEqualTo("window");
		assertThat(this.history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
			.extracting("name")
			.doesNotContain("pii_idNumber", "pii_phone", "pii_applicantName");
		assertThat(this.history.createHistoricDetailQuery().processInstanceId(processInstanceId).list().toString())
			.doesNotContain(personId)
			.doesNotContain("13900001111");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ? OR TEXT_ = ?", Long.class, personId,
				"13900001111")).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TEXT_ = ? OR TEXT_ = ?",
				Long.class, personId, "13900001111")).isZero();

		assertThat(this.jdbc.queryForObject("SELECT applicant_id_number FROM service_case WHERE case_no = ?",
				String.class, caseNo)).isEqualTo(personId);
		JsonNode detail = this.api.get("clerk", "/api/cases/" + caseNo).json();
		assertThat(detail.get("status").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
		assertThat(detail.get("station").asText()).isEqualTo("OH-ZEYA");
		assertThat(detail.get("applicant").get("name").asText()).isEqualTo("欧**娜");
		assertThat(detail.get("applicant").get("idNumber").asText()).isEqualTo("330304********1231");
	}

	@Test
	void tracksTheOwedMaterialsOfADeficiencyIntakeFromTasklist() {
		String form = """
				{"variables": {
				  "applicantType": {"value": "ORG", "type": "String"},
				  "pii_applicantName": {"value": "温州市瓯海区某建设有限公司", "type": "String"},
				  "pii_idNumber": {"value": "91330304MA2L8K5Q6F", "type": "String"},
				  "station": {"value": "OH-CENTRE", "type": "String"},
				  "material_M01": {"value": true, "type": "Boolean"},
				  "material_M02": {"value": true, "type": "Boolean"},
				  "material_M03": {"value": true, "type": "Boolean"},
				  "material_M04": {"value": false, "type": "Boolean"},
				  "commitment": {"value": true, "type": "Boolean"}
				}}""";
		Api.Response started = this.api.post("clerk",
				"/engine-rest/process-definition/key/Process_ConstructionPlanningPermit/submit-form", form);
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String processInstanceId = started.json().get("id").asText();
		// the 容缺 sub-process waits for the owed drawings beside the review
		assertThat(this.runtime.createExecutionQuery()
			.processInstanceId(processInstanceId)
			.activityId("Task_AwaitDeficientMaterials")
			.count()).isEqualTo(1);
	}

	@Test
	void issuesAOneTimeNoticeFromTasklistWithoutRunningAProcess() {
		long instances = this.runtime.createProcessInstanceQuery().count();
		String form = """
				{"variables": {
				  "applicantType": {"value": "PERSON", "type": "String"},
				  "pii_applicantName": {"value": "张三", "type": "String"},
				  "pii_idNumber": {"value": "330304199003071234", "type": "String"},
				  "station": {"value": "OH-CENTRE", "type": "String"},
				  "material_M01": {"value": true, "type": "Boolean"},
				  "material_M02": {"value": false, "type": "Boolean"},
				  "material_M03": {"value": false, "type": "Boolean"},
				  "material_M04": {"value": true, "type": "Boolean"}
				}}""";
		Api.Response answer = this.api.post("clerk",
				"/engine-rest/process-definition/key/Process_IndividualBusinessRegistration/submit-form", form);
		// Tasklist shows this message to the clerk: the notice was issued, here is where to print it
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("已出具一次性告知书").contains("/notices/one-time");
		String caseNo = answer.body().replaceAll(".*办件编号 (330304-\\d{8}-\\d{6}).*", "$1");
		assertThat(this.jdbc.queryForObject("SELECT status FROM service_case WHERE case_no = ?", String.class, caseNo))
			.isEqualTo("NOTICE_ISSUED");
		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(this.api.get("clerk", "/cases/" + caseNo + "/notices/one-time").status()).isEqualTo(200);
	}

	@Test
	void refusesAStartFormWithAnInvalidIdNumberAndLeavesNothing() {
		long cases = this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case", Long.class);
		long instances = this.runtime.createProcessInstanceQuery().count();
		String form = """
				{"variables": {
				  "applicantType": {"value": "PERSON", "type": "String"},
				  "pii_applicantName": {"value": "张三", "type": "String"},
				  "pii_idNumber": {"value": "330304198801011230", "type": "String"},
				  "station": {"value": "OH-CENTRE", "type": "String"},
				  "material_M01": {"value": true, "type": "Boolean"},
				  "material_M02": {"value": true, "type": "Boolean"},
				  "material_M03": {"value": true, "type": "Boolean"},
				  "material_M04": {"value": true, "type": "Boolean"}
				}}""";
		Api.Response refused = this.api.post("clerk",
				"/engine-rest/process-definition/key/Process_IndividualBusinessRegistration/submit-form", form);
		assertThat(refused.status()).isBetween(400, 499);
		assertThat(refused.body()).contains("居民身份证");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case", Long.class)).isEqualTo(cases);
		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void letsOnlyTheWindowStartCasesInTasklist() {
		Api.Response approver = this.api.post("approver-scjg",
				"/engine-rest/process-definition/key/Process_FoodBusinessLicence/submit-form",
				Map.of("variables", Map.of()));
		assertThat(approver.status()).isEqualTo(403);
	}

}
