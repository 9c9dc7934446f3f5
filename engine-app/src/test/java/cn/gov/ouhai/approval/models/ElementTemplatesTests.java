package cn.gov.ouhai.approval.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The element templates and the diagrams agree, as the Camunda Modeler sees them: the templates
 * pass the Modeler's own validator ({@code scripts/validate-templates}: the npm package
 * {@code @bpmn-io/element-templates-validator} with {@code @camunda/element-templates-json-schema},
 * pinned), and no element that applies a template shows a red field error ({@link ElementTemplates}).
 * Without Node.js the validator part says it skipped, except under CI, where it must run.
 */
class ElementTemplatesTests {

	static final Path REPO = ProcessModelConventionsTests.REPO;

	static final Path TEMPLATES = REPO.resolve("process-models/.camunda/element-templates");

	@Test
	void everyTemplatePassesTheModelersValidator() throws Exception {
		Result result = validate();
		assertThat(result.exit()).as(result.output()).isZero();
		assertThat(result.output()).contains("2 template(s) valid");
	}

	@Test
	void aBrokenTemplateFailsTheModelersValidator() throws Exception {
		Result result = validate("engine-app/src/test/resources/broken-models/broken-element-template.json");
		assertThat(result.exit()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("broken-element-template.json")
			.contains("cn.gov.ouhai.approval.Broken")
			.contains("binding type \"camunda:nonsense\"");
	}

	@Test
	void everyTemplatedElementFillsItsTemplatesFields() throws IOException {
		ElementTemplates templates = new ElementTemplates(TEMPLATES);
		assertThat(templates.size()).isEqualTo(2);
		List<String> problems = new ArrayList<>();
		for (Path diagram : ProcessModelConventionsTests.files(REPO.resolve("process-models"), ".bpmn")) {
			problems.addAll(templates.problemsOf(diagram.getFileName().toString(), Files.readAllBytes(diagram)));
		}
		assertThat(problems).as("field errors the Modeler would show:\n  " + String.join("\n  ", problems)).isEmpty();
	}

	@Test
	void showsTheFieldErrorsTheModelerWouldShow() throws IOException {
		ElementTemplates templates = new ElementTemplates(TEMPLATES);
		Path urge = REPO.resolve("process-models/Process_CaseUrge.bpmn");
		String broken = Files.readString(urge, StandardCharsets.UTF_8)
			.replace("camunda:candidateGroups=\"${headGroup}\"", "camunda:candidateGroups=\"${head group}\"")
			.replace("<camunda:property name=\"decisions\" value=\"ANSWERED\" />", "")
			.replace("<camunda:property name=\"sla.workdays\" value=\"2\" />",
					"<camunda:property name=\"sla.workdays\" value=\"两天\" />");
		List<String> problems = templates.problemsOf("Process_CaseUrge.bpmn", broken.getBytes(StandardCharsets.UTF_8));
		assertThat(problems).anyMatch(p -> p.startsWith("Process_CaseUrge.bpmn: Task_AnswerUrge: ")
				&& p.contains("camunda:candidateGroups") && p.contains("${head group}"));
		assertThat(problems).anyMatch(p -> p.contains("Task_AnswerUrge") && p.contains("(decisions)")
				&& p.contains("Must not be empty."));
		assertThat(problems).anyMatch(p -> p.contains("Task_AnswerUrge") && p.contains("(sla.workdays)")
				&& p.contains("请填写整数个工作日"));
		assertThat(problems).hasSize(3);
	}

	private static Result validate(String... files) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", "scripts/validate-templates"));
		command.addAll(List.of(files));
		Process process = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
		boolean done = process.waitFor(5, TimeUnit.MINUTES);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(done).as("validate-templates finished within 5 minutes").isTrue();
		if (process.exitValue() == 3) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError("CI=true but validate-templates cannot run: " + output);
			}
			System.err.println("[validate-templates] SKIPPED: " + output.strip());
			Assumptions.abort("validate-templates skipped: " + output.strip());
		}
		return new Result(process.exitValue(), output);
	}

	record Result(int exit, String output) {
	}

}
