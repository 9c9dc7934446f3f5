package cn.gov.ouhai.approval.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * bpmnlint's generic rules over every diagram, as {@code scripts/validate-models} runs them, so CI
 * runs them too; and a broken diagram shows that they bite. Without Node.js the test says it
 * skipped, except under CI, where it must run.
 */
class BpmnLintTests {

	static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	@Test
	void everyDiagramPassesBpmnlint() throws Exception {
		Result result = lint();
		assertThat(result.exit()).as(result.output()).isZero();
	}

	@Test
	void aBrokenDiagramFailsBpmnlintNamingElementAndRule() throws Exception {
		Result result = lint("engine-app/src/test/resources/broken-models/Process_Broken.bpmn");
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.output()).contains("Task_NoMaterialsLink").contains("no-disconnected").contains("no-bpmndi");
	}

	private static Result lint(String... files) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", "scripts/bpmnlint"));
		command.addAll(List.of(files));
		Process process = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
		boolean done = process.waitFor(5, TimeUnit.MINUTES);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(done).as("bpmnlint finished within 5 minutes").isTrue();
		if (process.exitValue() == 3) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError("CI=true but bpmnlint cannot run: " + output);
			}
			System.err.println("[bpmnlint] SKIPPED: " + output.strip());
			Assumptions.abort("bpmnlint skipped: " + output.strip());
		}
		return new Result(process.exitValue(), output);
	}

	record Result(int exit, String output) {
	}

}
