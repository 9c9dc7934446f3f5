package cn.gov.ouhai.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Api.Part;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * What an analyst's login must not be able to deploy through {@code /engine-rest}, even by mistake:
 * scripts in any form, XML with external entities, decision tables and forms that do not parse.
 * Each is refused with 400 naming the problem, and the repository is unchanged.
 */
@PlatformTest
class BadDeploymentsTests {

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

	private static final String BPMN_OPEN = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
			+ "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
			+ "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"Definitions_Bad\" targetNamespace=\"http://x\">";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void refusesAScriptTask() {
		refused("Process_BadScript.bpmn", HEAD + BPMN_OPEN + "<bpmn:process id=\"Process_BadScript\" name=\"脚本\" "
				+ "isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"StartEvent_1\" />"
				+ "<bpmn:scriptTask id=\"Task_RunScript\" name=\"运行脚本\" scriptFormat=\"javascript\"><bpmn:script>"
				+ "java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask></bpmn:process></bpmn:definitions>",
				"Task_RunScript", "script tasks are not allowed");
	}

	@Test
	void refusesAScriptListenerAndAScriptCondition() {
		refused("Process_BadListener.bpmn", HEAD + BPMN_OPEN + "<bpmn:process id=\"Process_BadListener\" name=\"监听\" "
				+ "isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"StartEvent_1\">"
				+ "<bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">"
				+ "println 'x'</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:startEvent>"
				+ "</bpmn:process></bpmn:definitions>", "StartEvent_1", "scripts are not allowed");
		refused("Process_BadCondition.bpmn", HEAD + BPMN_OPEN + "<bpmn:process id=\"Process_BadCondition\" name=\"条件\" "
				+ "isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"StartEvent_1\" />"
				+ "<bpmn:endEvent id=\"EndEvent_1\" /><bpmn:sequenceFlow id=\"Flow_Scripted\" sourceRef=\"StartEvent_1\" "
				+ "targetRef=\"EndEvent_1\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">"
				+ "true</bpmn:conditionExpression></bpmn:sequenceFlow></bpmn:process></bpmn:definitions>", "Flow_Scripted",
				"script conditions are not allowed");
	}

	@Test
	void refusesExternalEntitiesInBpmnAndDmn() {
		String entity = "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n";
		Api.Response bpmn = deploy("Process_BadEntity.bpmn", HEAD + entity + BPMN_OPEN
				+ "<bpmn:process id=\"Process_BadEntity\" name=\"&secret;\" isExecutable=\"true\" "
				+ "camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"StartEvent_1\" /></bpmn:process></bpmn:definitions>");
		assertThat(bpmn.status()).as(bpmn.toString()).isEqualTo(400);
		assertThat(bpmn.body()).doesNotContain("root:x:0:0");
		Api.Response dmn = deploy("Decision_BadEntity.dmn", HEAD + entity
				+ "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"D\" name=\"&secret;\" "
				+ "namespace=\"http://x\"><decision id=\"Decision_BadEntity\" name=\"坏\"><decisionTable id=\"T\">"
				+ "<output id=\"O\" name=\"o\" typeRef=\"string\" /></decisionTable></decision></definitions>");
		assertThat(dmn.status()).as(dmn.toString()).isEqualTo(400);
		assertThat(dmn.body()).doesNotContain("root:x:0:0");
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("Process_BadEntity").count()).isZero();
		assertThat(this.repository.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_BadEntity").count())
			.isZero();
	}

	@Test
	void refusesMalformedDecisionTablesAndForms() {
		long before = this.repository.createDeploymentQuery().count();
		Api.Response dmn = deploy("Decision_Broken.dmn", "<definitions><decision id=\"x\">not closed");
		assertThat(dmn.status()).as(dmn.toString()).isEqualTo(400);
		refused("form_Broken.form", "{\"id\": \"form_Broken\", \"components\": \"none\"}", "form_Broken.form",
				"not a Camunda Form");
		refused("form_NotJson.form", "<html>not a form</html>", "form_NotJson.form", "not valid JSON");
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void refusesADiagramDeployedWithoutTheFormsItBindsByDeployment() throws Exception {
		// as the Modeler's deploy button would send it, without attaching the forms
		String diagram = java.nio.file.Files.readString(
				java.nio.file.Path.of("..", "process-models", "Process_PublicPlaceHygieneLicence.bpmn"), StandardCharsets.UTF_8);
		refused("Process_PublicPlaceHygieneLicence.bpmn", diagram, "Task_ReviewMaterials",
				"form_ReviewDecision (binding deployment) must be part of the same deployment");
	}

	private void refused(String file, String content, String element, String rule) {
		long before = this.repository.createDeploymentQuery().count();
		Api.Response response = deploy(file, content);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body()).contains(element).contains(rule).contains("Deployment refused");
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private Api.Response deploy(String file, String content) {
		return this.api.postMultipart("analyst", "/engine-rest/deployment/create",
				List.of(new Part("deployment-name", null, "text/plain", "bad".getBytes(StandardCharsets.UTF_8)),
						new Part(file, file, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8))));
	}

}
