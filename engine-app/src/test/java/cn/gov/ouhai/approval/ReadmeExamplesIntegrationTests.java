package cn.gov.ouhai.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's main curl sequence (intake, review, decision, licence, the case), taken from the
 * README as printed and run by bash with curl and python3 against the platform on its random port:
 * a newcomer who pastes it gets a completed case.
 */
@PlatformTest
class ReadmeExamplesIntegrationTests {

	static final String SECTION = "### The clerk and the approvers by curl";

	@LocalServerPort
	int port;

	@Test
	void theClerkAndApproverSequenceRunsAsPrinted(@TempDir Path dir) throws Exception {
		String script = block(SECTION).replace("B=http://localhost:8080", "B=http://localhost:" + this.port);
		String output = run(dir, script);
		String[] lines = output.strip().split("\n");
		String caseNo = lines[0].strip();
		assertThat(caseNo).matches("330304-\\d{8}-\\d{6}");
		JsonNode finalCase = new ObjectMapper().readTree(lines[lines.length - 1]);
		assertThat(finalCase.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(finalCase.get("status").asText()).as(output).isEqualTo("COMPLETED");
		assertThat(finalCase.get("applicant").get("idNumber").asText()).doesNotContain("MA2L8K5Q");
		assertThat(finalCase.get("timeline").findValuesAsText("opinion")).contains("材料齐全", "准予许可");
		assertThat(dir.resolve("application.json")).exists();
	}

	@Test
	void theMaterialsAsFilesSequenceRunsAsPrintedAndDownloadsUnderTheChineseName(@TempDir Path dir) throws Exception {
		String script = block(SECTION).replace("B=http://localhost:8080", "B=http://localhost:" + this.port)
				+ block("### Materials as files");
		String output = run(dir, script);
		Path downloaded = dir.resolve("申请书.pdf");
		assertThat(downloaded).as(output).exists();
		assertThat(Files.readString(downloaded, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
		assertThat(output).doesNotContain("\"error\"");
	}

	private static String run(Path dir, String script) throws Exception {
		Files.writeString(dir.resolve("readme.sh"), "set -euo pipefail\n" + script, StandardCharsets.UTF_8);
		Process bash = new ProcessBuilder("bash", "readme.sh").directory(dir.toFile()).redirectErrorStream(true).start();
		assertThat(bash.waitFor(120, TimeUnit.SECONDS)).as("the README's sequence finished").isTrue();
		String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.exitValue()).as(output).isZero();
		return output;
	}

	/** The first bash block after a README heading. */
	static String block(String heading) throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		int at = readme.indexOf(heading);
		assertThat(at).as("README has the section " + heading).isNotNegative();
		int start = readme.indexOf("```bash\n", at) + "```bash\n".length();
		return readme.substring(start, readme.indexOf("\n```", start) + 1);
	}

}
