package cn.gov.ouhai.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.gov.ouhai.approval.ApprovalPlatformApplication;

/**
 * Without the demo profile there are no default passwords: with no configured administrator the
 * platform does not start, and says why. Run as its own JVM, as an operator would start it (an
 * engine that failed to start in the test JVM would disturb the shared test engine).
 */
class FirstAdministratorTests {

	@Test
	void refusesToStartWithoutAnAdministrator() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				ApprovalPlatformApplication.class.getName(), "--spring.datasource.url=jdbc:h2:mem:no-admin",
				"--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--spring.main.banner-mode=off"))
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf(name -> name.startsWith("CAMUNDA_BPM_ADMIN") || name.startsWith("SPRING_"));
		Process platform = builder.start();
		byte[] output = platform.getInputStream().readAllBytes();
		assertThat(platform.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String log = new String(output, StandardCharsets.UTF_8);
		assertThat(platform.exitValue()).as(log).isNotZero();
		assertThat(log).contains("没有系统管理员").contains("CAMUNDA_BPM_ADMINUSER_ID");
	}

}
