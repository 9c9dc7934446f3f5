package cn.gov.ouhai.approval.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One platform process of the drill, a JVM of its own on MariaDB (profiles {@code mysql,demo}): started
 * from a command ({@code java -jar engine-app.jar}, or the test classpath), waited for until its
 * health is UP, and killed with SIGKILL, as a power cut or the OOM killer would.
 */
final class PlatformNode {

	private final Process process;

	private final int port;

	private final Path log;

	private PlatformNode(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * @param launch the command up to the application's arguments
	 * @param clockOffset {@code app.clock.offset} (e.g. {@code P10D}), or null
	 */
	static PlatformNode start(List<String> launch, int port, Path dataDir, String jdbcUrl, String user, String password,
			String clockOffset, Path log, Duration startLimit) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(launch);
		command.addAll(List.of("--spring.profiles.active=mysql,demo", "--server.port=" + port,
				// the drill counts its own cases only; the demo cases would cost start-up time
				"--app.demo.cases=false"));
		if (clockOffset != null) {
			command.add("--app.clock.offset=" + clockOffset);
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> env = builder.environment();
		env.put("DATA_DIR", dataDir.toString());
		env.put("MYSQL_URL", jdbcUrl);
		env.put("MYSQL_USER", user);
		env.put("MYSQL_PASSWORD", password);
		env.remove("SERVER_PORT");
		PlatformNode node = new PlatformNode(builder.start(), port, log);
		node.awaitHealthy(startLimit);
		return node;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** SIGKILL: no shutdown hook, no graceful stop, transactions in flight die with the process. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** SIGTERM, the graceful stop, at the end of the drill. */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}

	private void awaitHealthy(Duration limit) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the platform exited with " + this.process.exitValue() + " while starting: see "
						+ this.log);
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException("the platform was not healthy within " + limit + ": see " + this.log);
	}

}
