package cn.gov.ouhai.approval.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.PlatformTest;

/**
 * {@code scripts/deploy-models} against the running platform, from a copy of the repository's
 * models: an unchanged set deploys nothing; an analyst's change to one step's limit deploys that
 * process alone, with its forms, as a new version; a login without deployment rights is refused.
 */
@PlatformTest
class DeployModelsScriptTests {

	static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	static final String HYGIENE = "Process_PublicPlaceHygieneLicence";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@TempDir
	Path copy;

	@AfterEach
	void removeTheScriptsDeployments() {
		this.repository.createDeploymentQuery()
			.deploymentName("process-models")
			.list()
			.forEach(d -> this.repository.deleteDeployment(d.getId(), true, true));
	}

	@Test
	void deploysOnlyTheChangedProcessAsANewVersion() throws Exception {
		copyRepository();
		int before = latestVersion(HYGIENE);
		assertThat(run("analyst")).contains("nothing changed");

		Path model = this.copy.resolve("process-models").resolve(HYGIENE + ".bpmn");
		String xml = Files.readString(model, StandardCharsets.UTF_8);
		Files.writeString(model, xml.replaceFirst("name=\"sla.workdays\" value=\"3\"", "name=\"sla.workdays\" value=\"2\""),
				StandardCharsets.UTF_8);
		String output = run("analyst");
		assertThat(output).contains(HYGIENE + " (diagram changed)").contains("v" + (before + 1));
		assertThat(output).doesNotContain("Process_FoodBusinessLicence");
		assertThat(latestVersion(HYGIENE)).isEqualTo(before + 1);
		var deployment = this.repository.createDeploymentQuery().deploymentName("process-models").singleResult();
		assertThat(this.repository.getDeploymentResourceNames(deployment.getId())).contains(HYGIENE + ".bpmn",
				"form_ReviewDecision.form", "form_IntakePublicPlaceHygiene.form");
		assertThat(run("analyst")).contains("nothing changed");
	}

	@Test
	void aLoginWithoutDeploymentRightsIsRefused() throws Exception {
		copyRepository();
		Path model = this.copy.resolve("process-models").resolve(HYGIENE + ".bpmn");
		Files.writeString(model, Files.readString(model, StandardCharsets.UTF_8).replace("审查申请材料", "审查材料"),
				StandardCharsets.UTF_8);
		String output = run("approver-wjj");
		assertThat(output).contains("refused").contains("HTTP 403").contains("analyst");
		assertThat(this.repository.createDeploymentQuery().deploymentName("process-models").count()).isZero();
	}

	private void copyRepository() throws IOException {
		Files.createDirectories(this.copy.resolve("scripts"));
		Files.copy(REPO.resolve("scripts/deploy-models"), this.copy.resolve("scripts/deploy-models"));
		for (String folder : new String[] { "process-models", "form-definitions" }) {
			Files.createDirectories(this.copy.resolve(folder));
			try (Stream<Path> files = Files.list(REPO.resolve(folder))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Files.copy(file, this.copy.resolve(folder).resolve(file.getFileName()),
							StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private String run(String user) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "scripts/deploy-models", "http://localhost:" + this.port)
			.directory(this.copy.toFile())
			.redirectErrorStream(true);
		builder.environment().put("ENGINE_USER", user);
		builder.environment().put("ENGINE_PASSWORD", "demo");
		builder.environment().put("SKIP_VALIDATION", "1");
		Process process = builder.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	private int latestVersion(String key) {
		return this.repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
			.getVersion();
	}

}
