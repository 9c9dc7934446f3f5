package cn.gov.ouhai.approval.crash;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import cn.gov.ouhai.approval.crash.CrashChecks.CaseState;

/**
 * The crash drill ({@code scripts/chaos-crash}; a short run in CI through {@link ChaosCrashMySqlTests}):
 * the platform on MariaDB in a database of its own, a load of intakes and task completions from this
 * process, SIGKILL to the platform in the middle of it, a restart with the engine clock run ahead so
 * that the SLA timers are due, and checks that nothing answered was lost or half done and that the
 * timers fire. Prints its progress and a summary; exits 1 on any violation.
 *
 * <p>Settings (environment): {@code CHAOS_REQUESTS} intakes (2000), {@code CHAOS_CLIENTS} window
 * terminals at once (8), {@code CHAOS_KILL_AT} share of the intakes answered before the kill (0.5),
 * {@code CHAOS_CLOCK_OFFSET} for the restart (P10D), {@code CHAOS_KEEP=true} keeps the database and
 * the data directory, {@code CHAOS_JAR} the platform jar (else the classpath this runs on),
 * {@code CHAOS_JAVA_OPTS} for the platform's JVM; the server as for the tests: {@code MYSQL_TEST_SERVER}
 * (127.0.0.1:3306), {@code MYSQL_TEST_USER} (root), {@code MYSQL_TEST_PASSWORD} (empty).
 */
public final class ChaosCrashDrill {

	private final Settings settings;

	private final PrintStream out;

	private final List<String> violations = new ArrayList<>();

	private Path dataDir;

	private String url;

	private int port;

	public ChaosCrashDrill(Settings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		Report report = new ChaosCrashDrill(Settings.fromEnvironment(), System.out).run();
		System.exit(report.violations().isEmpty() ? 0 : 1);
	}

	/** The drill's settings; see the class comment for the environment variables. */
	public record Settings(int requests, int clients, double killAt, String clockOffset, boolean keep, List<String> launch,
			String server, String user, String password) {

		public static Settings fromEnvironment() {
			Map<String, String> env = System.getenv();
			String jar = env.get("CHAOS_JAR");
			return new Settings(Integer.parseInt(env.getOrDefault("CHAOS_REQUESTS", "2000")),
					Integer.parseInt(env.getOrDefault("CHAOS_CLIENTS", "8")),
					Double.parseDouble(env.getOrDefault("CHAOS_KILL_AT", "0.5")),
					env.getOrDefault("CHAOS_CLOCK_OFFSET", "P10D"), "true".equalsIgnoreCase(env.get("CHAOS_KEEP")),
					jar == null || jar.isBlank() ? launchFromClasspath(env.getOrDefault("CHAOS_JAVA_OPTS", "-Xmx1g"))
							: launch(env.getOrDefault("CHAOS_JAVA_OPTS", "-Xmx1g"), "-jar", jar),
					env.getOrDefault("MYSQL_TEST_SERVER", "127.0.0.1:3306"), env.getOrDefault("MYSQL_TEST_USER", "root"),
					env.getOrDefault("MYSQL_TEST_PASSWORD", ""));
		}

		/** The platform from this JVM's own classpath (in a test: target/classes and the dependencies). */
		public static List<String> launchFromClasspath(String javaOpts) {
			String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			return launch(javaOpts, "-cp", classpath, "cn.gov.ouhai.approval.ApprovalPlatformApplication");
		}

		private static List<String> launch(String javaOpts, String... rest) {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			for (String option : javaOpts.trim().split("\\s+")) {
				if (!option.isEmpty()) {
					command.add(option);
				}
			}
			command.addAll(List.of(rest));
			return command;
		}

		public Settings withRequests(int count) {
			return new Settings(count, this.clients, this.killAt, this.clockOffset, this.keep, this.launch, this.server,
					this.user, this.password);
		}

		public Settings withLaunch(List<String> command) {
			return new Settings(this.requests, this.clients, this.killAt, this.clockOffset, this.keep, command,
					this.server, this.user, this.password);
		}

	}

	/** The drill's numbers; {@code violations} empty when nothing was lost, doubled or half done. */
	public record Report(int intakesSent, int intakesAnswered, int intakesUnanswered, int found, int missing,
			int duplicates, int halfDone, int foundUnanswered, int resentTakenIn, int resentAlreadyThere,
			int completionsAnswered, int completionsDone, int timersAtKill, int timersFired, int escalations,
			int incidents, List<String> violations) {
	}

	public Report run() throws Exception {
		Instant began = Instant.now();
		String run = "chaos_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.dataDir = Files.createTempDirectory(run + "-");
		this.url = "jdbc:mysql://" + this.settings.server() + "/" + run
				+ "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
		this.port = freePort();
		serverStatement("CREATE DATABASE " + run + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		say("database %s on %s, data in %s, port %d", run, this.settings.server(), this.dataDir, this.port);
		PlatformNode node = null;
		boolean passed = false;
		try {
			node = startPlatform(null, "platform-1.log");
			ChaosLoad load = new ChaosLoad(this.port, run, this.settings.requests());
			loadThenKill(load, node);
			node = null;
			AtKill atKill = readWhileDown(load);
			node = startPlatform(this.settings.clockOffset(), "platform-2.log");
			Resent resent = sendUnansweredAgain(load);
			Report report = checkAfterRestart(load, atKill, resent);
			summary(report, load.completionConflicts.get(), Duration.between(began, Instant.now()));
			passed = report.violations().isEmpty();
			return report;
		}
		finally {
			if (node != null) {
				node.stop();
			}
			if (!this.settings.keep()) {
				serverStatement("DROP DATABASE IF EXISTS " + run);
			}
			if (this.settings.keep() || !passed) {
				say("kept: %sthe data directory and the platform logs in %s",
						this.settings.keep() ? "database " + run + ", " : "", this.dataDir);
			}
			else {
				delete(this.dataDir);
			}
		}
	}

	private PlatformNode startPlatform(String clockOffset, String log) throws IOException, InterruptedException {
		say("starting the platform (profiles mysql,demo%s)...",
				clockOffset == null ? "" : ", app.clock.offset=" + clockOffset + " so that the pending timers are due");
		Instant start = Instant.now();
		PlatformNode node = PlatformNode.start(this.settings.launch(), this.port, this.dataDir, this.url,
				this.settings.user(), this.settings.password(), clockOffset, this.dataDir.resolve(log),
				Duration.ofMinutes(5));
		say("platform up (pid %d) after %d s", node.pid(), Duration.between(start, Instant.now()).toSeconds());
		return node;
	}

	/** Runs the load until the share of intakes to answer before the kill is answered, then SIGKILL. */
	private void loadThenKill(ChaosLoad load, PlatformNode node) throws InterruptedException {
		Instant start = Instant.now();
		load.start(this.settings.clients());
		int killAfter = (int) Math.max(1, Math.round(this.settings.requests() * this.settings.killAt()));
		while (load.intakesAnswered.size() < killAfter && !load.intakesDone()) {
			Thread.sleep(200);
			progress(load, start);
		}
		node.kill();
		say("SIGKILL to the platform after %d intakes answered (%d sent), %d completions answered",
				load.intakesAnswered.size(), load.sent(), load.completionsAnswered.size());
		load.stop();
	}

	/** What the dead platform left in the database. */
	private record AtKill(Map<String, String> answered, int found, Set<String> timerJobs, List<String> notDone,
			int foundUnanswered) {
	}

	private AtKill readWhileDown(ChaosLoad load) throws SQLException {
		Map<String, String> answered = Map.copyOf(load.intakesAnswered);
		try (CrashChecks db = new CrashChecks(this.url, this.settings.user(), this.settings.password())) {
			Map<String, List<CaseState>> cases = db.casesByRequest();
			Set<String> processes = new HashSet<>();
			int found = checkAnsweredIntakes(cases, answered, processes);
			db.duplicateRequests().forEach(r -> violation("request %s taken in more than once", r));
			db.halfDone().forEach(h -> violation("half done: %s", h));
			List<String> notDone = db.notDone(load.completionsAnswered.keySet());
			notDone.forEach(t -> violation("task %s answered 204 but not done", t));
			Set<String> timerJobs = db.timerJobs(processes);
			int foundUnanswered = (int) load.intakesUnanswered.stream().filter(cases::containsKey).count();
			say("after the kill: %d of %d answered intakes found with their process and timers, %d timers pending,"
					+ " %d unanswered requests of which %d were taken in before the kill", found, answered.size(),
					timerJobs.size(), load.intakesUnanswered.size(), foundUnanswered);
			return new AtKill(answered, found, timerJobs, notDone, foundUnanswered);
		}
	}

	private record Resent(int takenIn, int alreadyThere) {
	}

	/** A terminal that got no answer sends again with the same request id: one case either way. */
	private Resent sendUnansweredAgain(ChaosLoad load) throws IOException, InterruptedException {
		int takenIn = 0;
		int alreadyThere = 0;
		for (String requestId : load.intakesUnanswered) {
			ChaosLoad.Answer answer = load.resend(requestId);
			if (answer.status() == 201) {
				takenIn++;
			}
			else if (answer.status() == 200) {
				alreadyThere++;
			}
			else {
				violation("intake %s sent again after the restart: %s", requestId, answer);
			}
		}
		say("sent the %d unanswered intakes again: %d taken in now (201), %d already there (200)",
				load.intakesUnanswered.size(), takenIn, alreadyThere);
		return new Resent(takenIn, alreadyThere);
	}

	/** The timers pending at the kill fire, each once, without incidents; nothing is half done. */
	private Report checkAfterRestart(ChaosLoad load, AtKill atKill, Resent resent)
			throws SQLException, InterruptedException {
		int pending = awaitTimers(atKill.timerJobs());
		int fired = atKill.timerJobs().size() - pending;
		say("timers pending at the kill: %d fired, %d still pending", fired, pending);
		try (CrashChecks db = new CrashChecks(this.url, this.settings.user(), this.settings.password())) {
			if (pending > 0) {
				violation("%d of %d timers pending at the kill did not fire after the restart", pending,
						atKill.timerJobs().size());
			}
			int escalations = db.escalations(new HashSet<>(atKill.answered().values()));
			if (escalations != fired) {
				// each timer leaves one escalation on its case's timeline: fewer lost, more fired twice
				violation("%d timers fired but %d escalations recorded", fired, escalations);
			}
			List<String> incidents = db.incidents();
			incidents.forEach(i -> violation("%s", i));
			List<String> halfDone = db.halfDone();
			halfDone.forEach(h -> violation("half done after the restart: %s", h));
			Map<String, List<CaseState>> cases = db.casesByRequest();
			for (String requestId : load.intakesUnanswered) {
				int count = cases.getOrDefault(requestId, List.of()).size();
				if (count != 1) {
					violation("request %s sent again: %d cases", requestId, count);
				}
			}
			load.unexpectedAnswers.forEach(a -> violation("unexpected answer before the kill: %s", a));
			int answered = atKill.answered().size();
			return new Report(load.sent(), answered, load.intakesUnanswered.size(), atKill.found(),
					answered - atKill.found(), db.duplicateRequests().size(), halfDone.size(), atKill.foundUnanswered(),
					resent.takenIn(), resent.alreadyThere(), load.completionsAnswered.size(),
					load.completionsAnswered.size() - atKill.notDone().size(), atKill.timerJobs().size(), fired,
					escalations, incidents.size(), List.copyOf(this.violations));
		}
	}

	/** Every intake answered 2xx: exactly one case, the one answered, with its process and its timers. */
	private int checkAnsweredIntakes(Map<String, List<CaseState>> cases, Map<String, String> answered,
			Set<String> processes) {
		int found = 0;
		for (Map.Entry<String, String> intake : answered.entrySet()) {
			List<CaseState> rows = cases.getOrDefault(intake.getKey(), List.of());
			if (rows.size() != 1) {
				violation("intake %s answered %s: %d cases", intake.getKey(), intake.getValue(), rows.size());
				continue;
			}
			CaseState state = rows.get(0);
			if (!state.caseNo().equals(intake.getValue())) {
				violation("intake %s answered %s but its case is %s", intake.getKey(), intake.getValue(), state.caseNo());
			}
			else if (state.processInstanceId() == null || !state.processKnown()) {
				violation("case %s answered but without its process", state.caseNo());
			}
			else if (!state.processEnded() && state.openSteps().isEmpty()) {
				violation("case %s: its process runs but waits at no step", state.caseNo());
			}
			else if (state.openSteps().stream().anyMatch(CrashChecks.TIMED_STEPS::contains)
					&& state.timers() != CrashChecks.TIMERS_PER_TIMED_STEP) {
				violation("case %s at %s has %d timers, not %d", state.caseNo(), state.openSteps(), state.timers(),
						CrashChecks.TIMERS_PER_TIMED_STEP);
			}
			else {
				found++;
				processes.add(state.processInstanceId());
			}
		}
		return found;
	}

	/** Waits until the timers pending at the kill have fired (the job executor may idle up to 60 s between looks). */
	private int awaitTimers(Set<String> timerJobs) throws SQLException, InterruptedException {
		Duration limit = Duration.ofSeconds(120 + timerJobs.size() / 20);
		Instant start = Instant.now();
		Instant deadline = start.plus(limit);
		try (CrashChecks db = new CrashChecks(this.url, this.settings.user(), this.settings.password())) {
			int pending = db.stillPending(timerJobs);
			while (pending > 0 && Instant.now().isBefore(deadline)) {
				Thread.sleep(2000);
				pending = db.stillPending(timerJobs);
				say("timers: %d of %d fired (%d s)", timerJobs.size() - pending, timerJobs.size(),
						Duration.between(start, Instant.now()).toSeconds());
			}
			return pending;
		}
	}

	private Instant lastProgress = Instant.EPOCH;

	private void progress(ChaosLoad load, Instant start) {
		if (Duration.between(this.lastProgress, Instant.now()).toSeconds() >= 5) {
			this.lastProgress = Instant.now();
			long seconds = Math.max(1, Duration.between(start, Instant.now()).toSeconds());
			say("load: %d intakes answered (%d/s), %d completions", load.intakesAnswered.size(),
					load.intakesAnswered.size() / seconds, load.completionsAnswered.size());
		}
	}

	private void summary(Report r, int conflicts, Duration took) {
		this.out.printf("""
				[chaos-crash] summary (%d s)
				  intakes sent %d, answered 2xx %d, unanswered at the kill %d (of which taken in before it: %d)
				  answered intakes found after the kill: %d, missing %d, duplicates %d, half-done cases %d
				  unanswered intakes sent again: %d taken in now, %d already there
				  completions answered %d, found done %d (409 conflicts %d)
				  timers pending at the kill %d, fired after the restart %d, escalations recorded %d, incidents %d
				  violations %d%n""", took.toSeconds(), r.intakesSent(), r.intakesAnswered(), r.intakesUnanswered(),
				r.foundUnanswered(), r.found(), r.missing(), r.duplicates(), r.halfDone(), r.resentTakenIn(),
				r.resentAlreadyThere(), r.completionsAnswered(), r.completionsDone(), conflicts, r.timersAtKill(),
				r.timersFired(), r.escalations(), r.incidents(), r.violations().size());
		r.violations().stream().limit(50).forEach(v -> this.out.println("  VIOLATION " + v));
		this.out.println(r.violations().isEmpty() ? "[chaos-crash] PASSED" : "[chaos-crash] FAILED");
	}

	private void violation(String format, Object... args) {
		this.violations.add(format.formatted(args));
	}

	private void say(String format, Object... args) {
		this.out.println("[chaos-crash] " + format.formatted(args));
		this.out.flush();
	}

	private void serverStatement(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:mysql://" + this.settings.server() + "/?useSSL=false&allowPublicKeyRetrieval=true",
				this.settings.user(), this.settings.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void delete(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
