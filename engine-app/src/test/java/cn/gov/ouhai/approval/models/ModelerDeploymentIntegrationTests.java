package cn.gov.ouhai.approval.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.PlatformTest;
import cn.gov.ouhai.approval.security.Deployments;

/**
 * The Camunda Modeler's deploy ({@code POST /engine-rest/deployment/create}, multipart, as the
 * analyst) runs the rules of {@code scripts/validate-models}: a diagram breaking one is refused with
 * 400 in the platform's error format, one entry per problem (file, element, rule), and nothing is
 * deployed; every shipped diagram and decision table, with the forms it uses attached, is accepted.
 */
@PlatformTest
class ModelerDeploymentIntegrationTests {

	private static final Path MODELS = ProcessModelConventionsTests.REPO.resolve("process-models");

	private static final Path FORMS = ProcessModelConventionsTests.REPO.resolve("form-definitions");

	private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Test
	void acceptsEveryShippedModelDeployedFromTheModeler() throws Exception {
		List<Path> models = ProcessModelConventionsTests.files(MODELS, ".bpmn");
		models = java.util.stream.Stream.concat(models.stream(), ProcessModelConventionsTests.files(MODELS, ".dmn").stream())
			.toList();
		assertThat(models).hasSizeGreaterThan(20);
		for (Path model : models) {
			HttpResponse<String> response = deploy(model, withItsForms(model));
			assertThat(response.statusCode()).as(model.getFileName() + ": " + response.body()).isEqualTo(200);
			// a deployment of its own each time (no duplicate filtering): removed again, so the
			// platform's own version stays the latest for the other tests
			this.repository.deleteDeployment(JSON.readTree(response.body()).path("id").asText(), true);
		}
	}

	@Test
	void refusesAStepWhoseDecisionNoFlowHandles() throws Exception {
		// 审查申请材料 may now also return the case (RETURN), but its gateway only asks APPROVE or DENY
		Path food = MODELS.resolve("Process_FoodBusinessLicence.bpmn");
		String diagram = Files.readString(food, StandardCharsets.UTF_8);
		String broken = diagram.replaceFirst(
				"(<bpmn:userTask id=\"Task_ReviewMaterials\"[\\s\\S]*?name=\"decisions\" value=\")APPROVE,DENY\"",
				"$1APPROVE,DENY,RETURN\"");
		assertThat(broken).isNotEqualTo(diagram);
		JsonNode error = refused(food, broken);
		assertThat(error.path("fields").path("Process_FoodBusinessLicence.bpmn: Task_ReviewMaterials: decisions-routed")
			.asText()).contains("决定 RETURN").contains("decision RETURN").contains("handled by no outgoing flow");
		assertThat(error.path("message").asText())
			.contains("Process_FoodBusinessLicence.bpmn: Task_ReviewMaterials: 决定 RETURN");
		assertThat(error.path("fields")).hasSize(1);
	}

	@Test
	void refusesAStepWhoseOnlyWayOnIgnoresItsDecisions() throws Exception {
		// the registration's step may approve or deny, but both would now go on as approved
		Path registration = MODELS.resolve("Process_CompanyRegistration.bpmn");
		String diagram = Files.readString(registration, StandardCharsets.UTF_8);
		String broken = diagram.replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${decision == 'DENY'}",
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${decision == 'DENIED'}");
		assertThat(broken).isNotEqualTo(diagram);
		JsonNode error = refused(registration, broken);
		assertThat(error.path("fields").path("Process_CompanyRegistration.bpmn: Task_ReviewRegistration: decisions-routed")
			.asText()).contains("decision DENY");
	}

	@Test
	void refusesWhatValidateModelsRefusesWithTheSameMessages() throws Exception {
		Path hygiene = MODELS.resolve("Process_PublicPlaceHygieneLicence.bpmn");
		String broken = Files.readString(hygiene, StandardCharsets.UTF_8)
			.replace("${sla.stepYellow(execution)}", "${sla.stepYelow(execution)}");
		JsonNode error = refused(hygiene, broken);
		List<String> offline = ProcessModelConventionsTests.conventions()
			.checkDiagram(hygiene.getFileName().toString(), broken.getBytes(StandardCharsets.UTF_8))
			.stream()
			.map(p -> p.message())
			.toList();
		assertThat(offline).isNotEmpty();
		List<String> online = new java.util.ArrayList<>();
		error.path("fields").forEach(message -> online.add(message.asText()));
		assertThat(online).containsExactlyInAnyOrderElementsOf(offline);
		assertThat(online).anyMatch(m -> m.contains("sla.stepYelow") && m.contains("does not have"));
	}

	private JsonNode refused(Path model, String content) throws Exception {
		long before = this.repository.createDeploymentQuery().count();
		Map<String, byte[]> files = withItsForms(model);
		files.put(model.getFileName().toString(), content.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = Deployments.create(this.port, "analyst", "modeler-check", false, files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = JSON.readTree(response.body());
		assertThat(error.path("error").asText()).isEqualTo("DEPLOYMENT_REFUSED");
		assertThat(error.path("message").asText()).startsWith("部署被拒绝 / Deployment refused");
		assertThat(this.repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
		return error;
	}

	private HttpResponse<String> deploy(Path model, Map<String, byte[]> files) throws Exception {
		return Deployments.create(this.port, "analyst", "modeler-check", false, files);
	}

	/** The file and the forms it names, as the Modeler deploys a diagram with its forms attached. */
	private static Map<String, byte[]> withItsForms(Path model) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		String text = Files.readString(model, StandardCharsets.UTF_8);
		files.put(model.getFileName().toString(), text.getBytes(StandardCharsets.UTF_8));
		Matcher form = FORM_REF.matcher(text);
		while (form.find()) {
			files.put(form.group(1) + ".form", Files.readAllBytes(FORMS.resolve(form.group(1) + ".form")));
		}
		return files;
	}

}
