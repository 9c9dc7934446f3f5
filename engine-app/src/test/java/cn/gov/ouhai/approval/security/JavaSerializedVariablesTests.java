package cn.gov.ouhai.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * No variable in Java serialization gets in (a serialized object is code the server would run on
 * reading it): refused with a 400 that says why, through {@code /engine-rest} and through the
 * webapps' REST API, and nothing is stored.
 */
@PlatformTest
class JavaSerializedVariablesTests {

	/** {@code java.lang.String "abc"} in Java serialization, base64: harmless, but the format is what counts. */
	static final Map<String, Object> SERIALIZED = Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object", "valueInfo",
			Map.of("objectTypeName", "java.lang.String", "serializationDataFormat",
					"application/x-java-serialized-object"));

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
	}

	@Test
	void theEngineHasJavaSerializationOff() {
		ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
		assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
	}

	@Test
	void refusesJavaSerializedVariablesWhereverTheyArePosted() {
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		String instance = this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
		Map<String, Object> start = new LinkedHashMap<>();
		start.put("variables", Map.of("payload", SERIALIZED));

		List<Api.Response> refused = List.of(
				// starting a process (the window may start cases)
				this.api.post("clerk", "/engine-rest/process-definition/key/Process_FoodBusinessLicence/start", start),
				// a task's variables, one or several at once, and completing with them
				this.api.put("approver-scjg", "/engine-rest/task/" + task + "/localVariables/payload", SERIALIZED),
				this.api.post("approver-scjg", "/engine-rest/task/" + task + "/variables",
						Map.of("modifications", Map.of("payload", SERIALIZED))),
				this.api.post("approver-scjg", "/engine-rest/task/" + task + "/complete", start),
				// a process instance's variables, as an administrator (who may do anything else)
				this.api.put("admin", "/engine-rest/process-instance/" + instance + "/variables/payload", SERIALIZED),
				// a message carrying them
				this.api.post("admin", "/engine-rest/message", Map.of("messageName", "SupplementRequested",
						"processInstanceId", instance, "processVariables", Map.of("payload", SERIALIZED))));
		for (Api.Response response : refused) {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.json().get("message").asText()).contains("Java 序列化")
				.contains("application/x-java-serialized-object");
		}
		// the same through Tasklist's copy of the REST API
		WebappSession tasklist = new WebappSession(this.port);
		assertThat(tasklist.login("tasklist", "approver-scjg", "demo").statusCode()).isEqualTo(200);
		var submitted = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
				"{\"variables\":{\"payload\":{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":"
						+ "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
						+ "\"application/x-java-serialized-object\"}}}}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);

		// nothing stored, the step still open
		assertThat(this.history.createHistoricVariableInstanceQuery().variableName("payload").count()).isZero();
		assertThat(this.steps.task("approver-scjg", caseNo).get("id").asText()).isEqualTo(task);
	}

}
