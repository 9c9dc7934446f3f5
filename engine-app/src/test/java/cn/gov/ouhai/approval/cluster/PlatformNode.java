package cn.gov.ouhai.approval.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import cn.gov.ouhai.approval.ApprovalPlatformApplication;

/**
 * One platform node in a JVM of its own, as {@code scripts/cluster} runs it, but from the compiled
 * classes and the test's class path rather than the packaged jar (so that {@code mvn test} on a
 * clean clone needs no package phase). Its output goes to {@code <name>.log}; stopping it sends
 * SIGTERM, so it shuts down as it would in production.
 */
final class PlatformNode {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String name;

	final int port;

	private final Process process;

	private final Path log;

	private PlatformNode(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/** Starts the node; {@code args} are application arguments ({@code --key=value}). */
	static PlatformNode start(String name, int port, Path dir, List<String> args) throws IOException {
		Files.createDirectories(dir);
		Path log = dir.resolve(name + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// short-lived nodes on a small machine: C1 only and the serial collector start faster
				// and leave more of the two cores to the other node and the database
				"-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				// the test reads the engine's DATETIME columns with this JVM's zone: the nodes use the same
				"-Duser.timezone=" + TimeZone.getDefault().getID(), "-cp", classPath(),
				ApprovalPlatformApplication.class.getName(), "--server.port=" + port));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new PlatformNode(name, port, process, log);
	}

	/** Waits until the readiness probe answers UP: after start-up work and {@code app.clock.offset}. */
	void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<String> answer = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// the server is not up yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(this.name + " not ready within " + timeout + ":\n" + tail());
	}

	/** Waits until ready; answers when it saw the node ready. */
	Instant readyAt(Duration timeout) {
		try {
			awaitReady(timeout);
			return Instant.now();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** SIGTERM, and waits for the graceful shutdown (the job executor hands back its jobs). */
	void stop() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** How often a line of the node's log contains the text. */
	long logLinesContaining(String text) throws IOException {
		try (var lines = Files.lines(this.log, StandardCharsets.UTF_8)) {
			return lines.filter(line -> line.contains(text)).count();
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	/**
	 * The application's classes and libraries: the test JVM's class path without the test classes.
	 * Surefire may hide the class path in a manifest-only jar; then its Class-Path is read.
	 */
	static String classPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("surefirebooter")) {
				entries.addAll(manifestClassPath(entry));
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator,
				entries.stream().filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/")).toList());
	}

	private static List<String> manifestClassPath(String jar) {
		try (JarFile file = new JarFile(jar)) {
			String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
			URI base = Path.of(jar).toAbsolutePath().getParent().toUri();
			List<String> entries = new ArrayList<>();
			for (String url : Arrays.asList(classPath.trim().split("\\s+"))) {
				// absolute file: URLs, or relative to the booter jar's folder
				entries.add(Path.of(base.resolve(new URI(url))).toString());
			}
			return entries;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return this.name + " (:" + this.port + ")";
	}

}
