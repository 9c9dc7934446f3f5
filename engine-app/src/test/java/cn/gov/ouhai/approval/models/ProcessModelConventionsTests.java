package cn.gov.ouhai.approval.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.gov.ouhai.approval.engine.ModelProblem;

/**
 * Every model in {@code process-models/} and form in {@code form-definitions/} follows the
 * platform's conventions (see {@link ModelConventions}, the same rules the engine runs on a deployment);
 * {@code scripts/validate-models} runs this.
 */
class ProcessModelConventionsTests {

	static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

	@Test
	void everyModelAndFormFollowsTheConventions() throws IOException {
		ModelConventions conventions = conventions();
		List<Path> models = files(REPO.resolve("process-models"), ".bpmn");
		assertThat(models).as("BPMN files in process-models/").isNotEmpty();
		List<Path> decisions = files(REPO.resolve("process-models"), ".dmn");
		List<Path> forms = files(REPO.resolve("form-definitions"), ".form");
		List<String> violations = Stream
			.of(models.stream().flatMap(m -> conventions.checkDiagram(name(m), read(m)).stream()),
					decisions.stream().flatMap(d -> conventions.checkDecisions(name(d), read(d)).stream()),
					forms.stream().flatMap(f -> conventions.checkForm(name(f), read(f)).stream()))
			.flatMap(s -> s)
			.map(ModelProblem::toString)
			.toList();
		assertThat(violations).as("model convention violations:\n  " + String.join("\n  ", violations)).isEmpty();
		System.out.println("validate-models: " + models.size() + " diagrams, " + decisions.size()
				+ " decision tables and "
				+ files(REPO.resolve("form-definitions"), ".form").size() + " forms follow the conventions");
	}

	@Test
	void rejectsABrokenModelNamingFileElementAndRule() throws IOException {
		List<String> violations = check("src/test/resources/broken-models/Process_Broken.bpmn");
		assertThat(violations).anyMatch(v -> v.contains("Process_Broken.bpmn") && v.contains("Process_Broken")
				&& v.contains("historyTimeToLive"));
		assertThat(violations).anyMatch(v -> v.contains("Activity_0abc123") && v.contains("candidateGroups"));
		assertThat(violations).anyMatch(v -> v.contains("Activity_0abc123") && v.contains("no shape"));
		assertThat(violations).anyMatch(v -> v.contains("Flow_1") && v.contains("no edge"));
		assertThat(violations).anyMatch(v -> v.contains("form_DoesNotExist"));
		assertThat(violations).anyMatch(v -> v.contains("Activity_0abc123") && v.contains("generated id"));
		assertThat(violations).anyMatch(v -> v.contains("EndEvent_Done") && v.contains("caseStatus"));
		assertThat(violations).anyMatch(v -> v.contains("Chinese name"));
		assertThat(violations).anyMatch(v -> v.contains("Activity_0abc123") && v.contains("whole number"));
		assertThat(violations).anyMatch(v -> v.contains("Activity_0abc123") && v.contains("TimedApprovalStep"));
		assertThat(violations).anyMatch(v -> v.contains("Activity_0abc123") && v.contains("${sla.stepDue(execution)}"));
		assertThat(violations).anyMatch(v -> v.contains("Activity_0abc123") && v.contains("LUNCH"));
		assertThat(violations).anyMatch(v -> v.contains("Task_NoMaterialsLink") && v.contains("materials"));
		assertThat(violations).anyMatch(v -> v.contains("Task_NoMaterialsLink") && v.contains("working-day calendar"));
		assertThat(violations).anyMatch(v -> v.contains("Task_NoMaterialsLink") && v.contains("field 'pii_applicantName'")
				&& v.contains("not a variable the process uses"));
		assertThat(violations).anyMatch(v -> v.contains("Task_NoMaterialsLink") && v.contains("'escalaton'")
				&& v.contains("neither a bean"));
		assertThat(violations).anyMatch(v -> v.contains("Task_TimedWithoutTimers") && v.contains("sla.stepDeu")
				&& v.contains("does not have"));
		assertThat(violations).anyMatch(v -> v.contains("Task_TimedWithoutTimers")
				&& v.contains("warning and overdue timers") && v.contains("missing ${sla.stepYellow(execution)}"));
		assertThat(violations).anyMatch(v -> v.contains("Task_TimedWithoutTimers") && v.contains("stays red"));
		assertThat(violations).anyMatch(v -> v.contains("Flow_ToDone") && v.contains("'applicantAge'"));
		assertThat(violations).anyMatch(v -> v.contains("CallActivity_CopiesEverything") && v.contains("businessKey"));
		assertThat(violations).anyMatch(v -> v.contains("CallActivity_CopiesEverything") && v.contains("variables=\"all\""));
	}

	@Test
	void rejectsAStepWhoseDecisionNoFlowHandles() throws IOException {
		Path food = REPO.resolve("process-models/Process_FoodBusinessLicence.bpmn");
		String broken = Files.readString(food).replaceFirst(
				"(<bpmn:userTask id=\"Task_ReviewMaterials\"[\\s\\S]*?name=\"decisions\" value=\")APPROVE,DENY\"",
				"$1APPROVE,DENY,RETURN\"");
		List<String> violations = conventions().checkDiagram(name(food), broken.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.stream()
			.map(ModelProblem::toString)
			.toList();
		assertThat(violations).singleElement()
			.asString()
			.startsWith("Process_FoodBusinessLicence.bpmn: Task_ReviewMaterials: 决定 RETURN")
			.contains("decision RETURN (decisions property) is handled by no outgoing flow")
			.endsWith("[decisions-routed]");
	}

	@Test
	void refusesAReturnToThatIsNotAnEarlierUserTaskOfTheProcess() throws IOException {
		Path food = REPO.resolve("process-models/Process_FoodBusinessLicence.bpmn");
		String original = Files.readString(food);
		assertThat(original).contains("name=\"returnTo\" value=\"Task_ReviewMaterials\"");
		for (String wrong : List.of("Task_IssueLicence", "Task_DecideLicence", "Gateway_ReviewPassed", "Task_Nowhere")) {
			String broken = original.replace("name=\"returnTo\" value=\"Task_ReviewMaterials\"",
					"name=\"returnTo\" value=\"Task_ReviewMaterials," + wrong + "\"");
			List<String> violations = conventions()
				.checkDiagram(name(food), broken.getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.stream()
				.map(ModelProblem::toString)
				.toList();
			assertThat(violations).as(wrong)
				.anyMatch(v -> v.contains("Task_DecideLicence") && v.contains("return-to-earlier-step") && v.contains(wrong));
			assertThat(violations).as(wrong).noneMatch(v -> v.contains("return-to-earlier-step") && v.contains("Task_ReviewMaterials "));
		}
	}

	@Test
	void rejectsABrokenDecisionTable() throws IOException {
		Path broken = Path.of("src/test/resources/broken-models/Decision_Broken.dmn");
		List<String> violations = conventions().checkDecisions(name(broken), read(broken))
			.stream()
			.map(ModelProblem::toString)
			.toList();
		assertThat(violations).anyMatch(v -> v.contains("Decision_Broken") && v.contains("historyTimeToLive"));
		assertThat(violations).anyMatch(v -> v.contains("Chinese name"));
		assertThat(violations).anyMatch(v -> v.contains("catches every input"));
	}

	/** The rules as validate-models runs them: the repository's forms, the beans found by scanning. */
	static ModelConventions conventions() throws IOException {
		return new ModelConventions(KnownForms.inDirectory(REPO.resolve("form-definitions")), KnownBeans.scanned());
	}

	static List<String> check(String diagram) throws IOException {
		Path path = Path.of(diagram);
		return conventions().checkDiagram(name(path), read(path)).stream().map(ModelProblem::toString).toList();
	}

	static String name(Path file) {
		return file.getFileName().toString();
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static List<Path> files(Path dir, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(p -> p.toString().endsWith(suffix))
				.filter(p -> !p.toString().contains("/.camunda/"))
				.sorted()
				.toList();
		}
	}

}
