package cn.gov.ouhai.approval.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.MySqlDatabase;

/**
 * Scale-out (issue 8): two platform nodes, separate JVMs, on one MySQL database with the job
 * executor on both. 2,000 food licences go in over HTTP, half through each node; each waits at its
 * review step with three SLA timers (yellow, overdue, a day overdue). Both nodes are then restarted
 * at once with the engine clock moved past them all ({@code app.clock.offset}), so that all 6,000
 * timers are due as soon as the nodes are up, and the two job executors race for them. Checked
 * in the database: every timer job fired exactly once and its warning was sent and put on the
 * timeline once, no case or process was lost, both nodes fired timers (the engine's job log records
 * each node's {@code hostname}), and no job became an incident (optimistic-locking conflicts
 * between the nodes are retried by the engine without using up the job's retries).
 */
@Tag("mysql")
@ExtendWith(MySqlDatabase.class)
class TwoNodeClusterMySqlIntegrationTests {

	static final int CASES = Integer.getInteger("cluster.cases", 2000);

	static final int TIMERS_PER_CASE = 3;

	static final String PROCESS = "Process_FoodBusinessLicence";

	static final String MATTER = "SCJG-SPJY-001";

	static final List<String> MATERIALS = List.of("M01", "M02", "M03", "M04", "M05");

	/** The review step's three boundary timers and the notification each sends. */
	static final Map<String, String> TIMERS = Map.of("BoundaryEvent_ReviewNearDue", "YELLOW",
			"BoundaryEvent_ReviewOverdue", "RED", "BoundaryEvent_ReviewStillOverdue", "RED_ESCALATED");

	/** Concurrent intakes in all, spread over both nodes (each intake holds the day's counter row). */
	static final int CLIENTS = 8;

	final Path dir = Path.of("target", "cluster", "test-" + System.currentTimeMillis()).toAbsolutePath();

	final Map<String, Object> report = new LinkedHashMap<>();

	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void timersDueAtOnceFireExactlyOnceSharedByBothNodes() throws Exception {
		long started = System.nanoTime();
		List<PlatformNode> nodes = new ArrayList<>();
		try {
			// an empty database: the first node creates the schema, deploys and writes the demo
			// users alone; the second joins once it is ready (as scripts/cluster does)
			for (String name : List.of("node-1", "node-2")) {
				long t = System.nanoTime();
				PlatformNode node = start(name, null);
				nodes.add(node);
				node.awaitReady(Duration.ofMinutes(3));
				this.report.put("first start, " + name, since(t));
			}

			long t = System.nanoTime();
			Map<String, List<String>> caseNosByNode = takeIn(nodes);
			Duration intake = since(t);
			this.report.put("intakes", CASES + " in " + intake + " (" + rate(CASES, intake) + "/s, " + CLIENTS
					+ " clients, half through each node)");
			List<String> caseNos = caseNosByNode.values().stream().flatMap(List::stream).toList();
			assertThat(caseNos).hasSize(CASES).doesNotHaveDuplicates();
			int perNode = CASES / nodes.size();
			caseNosByNode.forEach((node, taken) -> assertThat(taken).as(node).hasSize(perNode));

			Instant lastDue;
			try (Connection db = database()) {
				// about cases (the administrators' note that next year's calendar is provisional is about none)
				assertThat(count(db, "SELECT COUNT(*) FROM notification WHERE case_no <> ''")).as("nothing due before the clock moves")
					.isZero();
				assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = '" + PROCESS + "'"))
					.isEqualTo((long) CASES * TIMERS_PER_CASE);
				lastDue = instant(db, "SELECT MAX(DUEDATE_) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = '" + PROCESS + "'");
			}

			// Both restart at once with the same offset, past the last timer's due date: the engine
			// clock moves when a node is ready, so from then on every timer is due and the two job
			// executors race for them (the three timers of a case fall due on three days otherwise)
			for (PlatformNode node : nodes) {
				node.stop();
			}
			Duration offset = Duration.between(Instant.now(), lastDue).plusMinutes(5).withNanos(0);
			this.report.put("app.clock.offset", offset);
			t = System.nanoTime();
			List<PlatformNode> restarted = new ArrayList<>();
			for (PlatformNode node : nodes) {
				restarted.add(start(node.name, offset));
			}
			nodes = restarted;
			List<CompletableFuture<Instant>> ready = nodes.stream()
				.map(node -> CompletableFuture.supplyAsync(() -> node.readyAt(Duration.ofMinutes(3))))
				.toList();
			Instant first = ready.get(0).join();
			Instant second = ready.get(1).join();
			Instant stormAt = first.isBefore(second) ? first : second;
			this.report.put("restart, both nodes at once", since(t) + "; ready " + Duration.between(first, second).abs()
					.toMillis() + " ms apart");

			Duration storm = awaitStorm(stormAt);
			this.report.put("storm", (long) CASES * TIMERS_PER_CASE + " timers in " + storm
					+ " from the first node's start (" + rate(CASES * TIMERS_PER_CASE, storm) + "/s)");

			try (Connection db = database()) {
				verifyEveryTimerFiredOnce(db);
				verifyNoCaseLost(db, caseNos);
				verifyBothNodesFired(db, nodes);
				verifyNoIncidents(db, nodes);
			}
		}
		finally {
			for (PlatformNode node : nodes) {
				node.stop();
			}
			this.report.put("whole test", since(started));
			String text = "[cluster] " + String.join("\n[cluster] ",
					this.report.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
			System.out.println(text);
			Files.createDirectories(this.dir);
			Files.writeString(this.dir.resolve("report.txt"), text + "\n", StandardCharsets.UTF_8);
		}
	}

	private PlatformNode start(String name, Duration clockOffset) throws IOException {
		List<String> args = new ArrayList<>(List.of("--spring.profiles.active=demo,mysql",
				"--spring.datasource.url=" + System.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + System.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + System.getProperty("spring.datasource.password"),
				"--app.data-dir=" + this.dir.resolve(name),
				// one file store for the cluster (on several machines: a shared directory)
				"--app.materials.directory=" + this.dir.resolve("files"),
				// the demo users, not the demo cases: the test counts every case and timer
				"--app.demo.cases=false",
				// what the job log records as the node that ran each job
				"--camunda.bpm.generic-properties.properties.hostname=" + name,
				// an idle executor polls at most every 5 s here (production: up to max-wait, 60 s)
				"--camunda.bpm.job-execution.max-wait=5000",
				"--logging.level.root=warn", "--logging.level.cn.gov.ouhai.approval=warn"));
		if (clockOffset != null) {
			args.add("--app.clock.offset=" + clockOffset);
		}
		return PlatformNode.start(name, freePort(), this.dir, args);
	}

	/** Every intake over HTTP as the demo clerk, alternating between the nodes, several at once. */
	private Map<String, List<String>> takeIn(List<PlatformNode> nodes) throws Exception {
		Map<String, List<String>> caseNos = new ConcurrentHashMap<>();
		List<Api> apis = nodes.stream().map(node -> new Api(node.port)).toList();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<?>> answers = new ArrayList<>();
			for (int i = 0; i < CASES; i++) {
				int n = i;
				answers.add(clients.submit(() -> {
					PlatformNode node = nodes.get(n % nodes.size());
					Api.Response answer = apis.get(n % nodes.size()).post("clerk", "/api/cases",
							Applicants.intake("cluster-" + n, MATTER, "OH-CENTRE", MATERIALS, MATERIALS));
					assertThat(answer.status()).as(node + " intake " + n + ": " + answer).isEqualTo(201);
					assertThat(answer.json().path("status").asText()).isEqualTo("ACCEPTED");
					caseNos.computeIfAbsent(node.name, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
						.add(answer.json().path("caseNo").asText());
					return null;
				}));
			}
			long t = System.nanoTime();
			List<String> progress = new ArrayList<>();
			for (int i = 0; i < answers.size(); i++) {
				answers.get(i).get(5, TimeUnit.MINUTES);
				if ((i + 1) % Math.max(1, CASES / 4) == 0) {
					progress.add((i + 1) + " at " + since(t).toSeconds() + " s");
				}
			}
			this.report.put("intakes answered", progress);
		}
		finally {
			clients.shutdownNow();
		}
		return caseNos;
	}

	/**
	 * Polls until no timer of the cases is left (a job that failed for good would stay), failing
	 * when nothing moves for a minute. Returns the time from when they fell due to the last one.
	 */
	private Duration awaitStorm(Instant stormAt) throws Exception {
		long lastLeft = Long.MAX_VALUE;
		Instant lastProgress = Instant.now();
		Map<String, Long> progress = new TreeMap<>();
		try (Connection db = database()) {
			while (true) {
				long left = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = '" + PROCESS + "'");
				Instant now = Instant.now();
				if (left == 0) {
					this.report.put("timers left, by seconds after due", progress);
					return Duration.between(stormAt, now);
				}
				if (left < lastLeft) {
					lastLeft = left;
					lastProgress = now;
				}
				long second = Duration.between(stormAt, now).toSeconds();
				if (second >= 0) {
					// every 10 s, for the report
					progress.putIfAbsent(String.format("%03d s", second / 10 * 10), left);
				}
				Instant waitingSince = lastProgress.isAfter(stormAt) ? lastProgress : stormAt;
				assertThat(Duration.between(waitingSince, now).toSeconds())
					.as("no timer fired for a minute, %d left", left)
					.isLessThan(60);
				Thread.sleep(1000);
			}
		}
	}

	/** One job per timer, each executed successfully once; one warning per timer, sent and on the timeline. */
	private void verifyEveryTimerFiredOnce(Connection db) throws SQLException {
		String log = "FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = '" + PROCESS + "'";
		long timers = (long) CASES * TIMERS_PER_CASE;
		assertThat(count(db, "SELECT COUNT(*) " + log + " AND JOB_STATE_ = 0")).as("timer jobs created").isEqualTo(timers);
		assertThat(count(db, "SELECT COUNT(*) " + log + " AND JOB_STATE_ = 2")).as("timer jobs executed").isEqualTo(timers);
		assertThat(count(db, "SELECT COUNT(*) FROM (SELECT JOB_ID_ " + log
				+ " GROUP BY JOB_ID_ HAVING SUM(JOB_STATE_ = 0) <> 1 OR SUM(JOB_STATE_ = 2) <> 1) once"))
			.as("jobs not created once and executed once")
			.isZero();
		for (Map.Entry<String, String> timer : TIMERS.entrySet()) {
			assertThat(count(db, "SELECT COUNT(DISTINCT PROCESS_INSTANCE_ID_) " + log + " AND JOB_STATE_ = 2 AND ACT_ID_ = '"
					+ timer.getKey() + "'"))
				.as(timer.getKey() + " fired in every case")
				.isEqualTo(CASES);
			assertThat(count(db, "SELECT COUNT(DISTINCT case_no) FROM notification WHERE kind = '" + timer.getValue() + "'"))
				.as(timer.getValue() + " notification in every case")
				.isEqualTo(CASES);
		}
		// the effect, not only the engine's record: each warning sent and on the timeline exactly once
		assertThat(count(db, "SELECT COUNT(*) FROM notification WHERE case_no <> ''")).isEqualTo(timers);
		assertThat(count(db, "SELECT COUNT(*) FROM (SELECT case_no, kind FROM notification WHERE case_no <> '' GROUP BY case_no, kind "
				+ "HAVING COUNT(*) <> 1) twice"))
			.as("a warning sent twice")
			.isZero();
		assertThat(count(db, "SELECT COUNT(*) FROM case_event WHERE kind = 'ESCALATION'")).isEqualTo(timers);
		assertThat(count(db, "SELECT COUNT(*) FROM (SELECT case_no, decision FROM case_event WHERE kind = 'ESCALATION' "
				+ "GROUP BY case_no, decision HAVING COUNT(*) <> 1) twice"))
			.as("a warning on a timeline twice")
			.isZero();
		this.report.put("timers fired", timers + " jobs, each executed once; " + timers
				+ " notifications and timeline entries, none twice");
	}

	/** Every case answered 201 is there with its process, still at its review step. */
	private void verifyNoCaseLost(Connection db, List<String> caseNos) throws SQLException {
		assertThat(count(db, "SELECT COUNT(*) FROM service_case")).isEqualTo(CASES);
		Set<String> stored = strings(db, "SELECT case_no FROM service_case");
		assertThat(stored).containsExactlyInAnyOrderElementsOf(caseNos);
		Set<String> processes = strings(db, "SELECT BUSINESS_KEY_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_");
		assertThat(processes).as("one process per case").containsExactlyInAnyOrderElementsOf(caseNos);
		assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_")).isEqualTo(CASES);
		assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewMaterials'"))
			.isEqualTo(CASES);
		this.report.put("cases", CASES + " answered 201, " + stored.size() + " cases, " + processes.size() + " processes");
	}

	/** The job log's hostname is each node's name: both must have fired timers. */
	private void verifyBothNodesFired(Connection db, List<PlatformNode> nodes) throws SQLException {
		Map<String, Long> byNode = new TreeMap<>();
		try (Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = '"
						+ PROCESS + "' AND JOB_STATE_ = 2 GROUP BY HOSTNAME_")) {
			while (rows.next()) {
				byNode.put(rows.getString(1), rows.getLong(2));
			}
		}
		this.report.put("timers fired per node", byNode);
		assertThat(byNode.keySet()).containsExactlyInAnyOrderElementsOf(nodes.stream().map(n -> n.name).toList());
		byNode.forEach((node, fired) -> assertThat(fired).as(node + " fired timers").isPositive());
	}

	/**
	 * No incident, and every failed attempt was an optimistic-locking conflict (another node changed
	 * the same execution first), retried without using up a retry.
	 */
	private void verifyNoIncidents(Connection db, List<PlatformNode> nodes) throws SQLException, IOException {
		assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
		assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_INCIDENT")).as("incidents ever").isZero();
		String log = "FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = '" + PROCESS + "'";
		long failures = count(db, "SELECT COUNT(*) " + log + " AND JOB_STATE_ = 1");
		long conflicts = count(db, "SELECT COUNT(*) " + log + " AND JOB_STATE_ = 1 AND JOB_EXCEPTION_MSG_ LIKE '%ENGINE-03005%'");
		assertThat(failures).as("failed attempts other than optimistic-locking conflicts").isEqualTo(conflicts);
		assertThat(count(db, "SELECT COUNT(*) " + log + " AND JOB_STATE_ = 2 AND JOB_RETRIES_ <> ("
				+ "SELECT c.JOB_RETRIES_ FROM ACT_HI_JOB_LOG c WHERE c.JOB_ID_ = ACT_HI_JOB_LOG.JOB_ID_ AND c.JOB_STATE_ = 0)"))
			.as("jobs that used up a retry")
			.isZero();
		long logged = 0;
		for (PlatformNode node : nodes) {
			logged += node.logLinesContaining("OptimisticLockingException");
		}
		this.report.put("incidents", 0);
		this.report.put("optimistic-locking conflicts", conflicts + " failed job attempts in the job log (all retried, "
				+ "no retry used up), " + logged + " log lines naming OptimisticLockingException");
	}

	private static Connection database() throws SQLException {
		return DriverManager.getConnection(System.getProperty("spring.datasource.url"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static Instant instant(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getTimestamp(1).toInstant();
		}
	}

	private static Set<String> strings(Connection db, String sql) throws SQLException {
		Set<String> values = new java.util.HashSet<>();
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Duration since(long nanos) {
		return Duration.ofMillis((System.nanoTime() - nanos) / 1_000_000);
	}

	private static String rate(long count, Duration duration) {
		return String.format("%.1f", count * 1000.0 / Math.max(1, duration.toMillis()));
	}

}
