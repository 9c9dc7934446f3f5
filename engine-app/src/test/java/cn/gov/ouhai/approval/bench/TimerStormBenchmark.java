package cn.gov.ouhai.approval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.Intake;
import cn.gov.ouhai.approval.cases.IntakeOutcome;

/**
 * A timer storm: N open cases whose yellow warnings fall due at the same instant, and how long the
 * job executor takes until every one is recorded, next to a bare engine firing N timers that do
 * nothing. Run by {@code scripts/bench} only (tag {@code bench}); the report goes to
 * {@code target/bench/}.
 *
 * <p>
 * Platform, per round: with the engine clock fixed at Mon 2 Mar 2026 10:00 (Beijing), N
 * 食品经营许可 accepted through {@link Intake#accept} (each its case, clock, process and the review
 * step's three timers: yellow 24:00 Tue 3 Mar, overdue 24:00 Wed 4 Mar, a day overdue 24:00 Thu
 * 5 Mar), {@code bench.storm.batch} intakes per transaction on one thread (the day's case-number
 * counter row is locked until each intake commits, so more threads would only queue on it). Then the
 * clock is set one second past the yellow instant, the check that exactly the N yellow timers are
 * due, the engine's job executor started with the settings under test, and the {@code notification}
 * table polled every 100 ms until it holds N new YELLOW rows.
 *
 * <p>
 * Bare, per round: on a second engine without the platform's plugins
 * ({@link BenchSupport#bareEngine}), N instances of {@code Process_BenchTimerStorm} (a user task
 * with a non-interrupting boundary timer at the same instant, leading to a service task
 * {@code ${true}} and an end), started in the same batches; then the same clock, check and
 * executor settings on the bare engine's own job executor, polling until none of its timer jobs is
 * left. One executor runs at a time: neither is deployment-aware, so each would fire the other's
 * due timers.
 *
 * <p>
 * Each storm is verified: every case's warning recorded exactly once (notification and timeline),
 * every bare timer fired once (history), no job failed, no incident, no other timer fired. A storm
 * that makes no progress for {@code bench.storm.stall} seconds, or runs longer than
 * {@code bench.storm.timeout}, fails the benchmark.
 *
 * <p>
 * Settings (system properties): {@code bench.storm.cases} (10,000), {@code bench.storm.warmup}
 * cases per path stormed first and not reported as a result (500), {@code bench.storm.batch}
 * (100), {@code bench.storm.settings} (see {@link JobExecutorSettings}; {@code default}),
 * {@code bench.storm.timeout} (600 s), {@code bench.storm.stall} (60 s).
 */
abstract class TimerStormBenchmark {

	static final String YELLOW_TIMER = "BoundaryEvent_ReviewNearDue";

	static final String BARE_PROCESS = "Process_BenchTimerStorm";

	static final String BARE_TIMER = "BoundaryEvent_BenchDue";

	static final String BARE_WORK = "Task_BenchNothing";

	/** Mon 2 Mar 2026, 10:00 in Beijing: an ordinary working week. */
	static final Instant ACCEPTED_AT = Instant.parse("2026-03-02T02:00:00Z");

	/** The yellow instant that follows: the end of the review's first working day, 24:00 Tue 3 Mar. */
	static final Instant EXPECTED_YELLOW = Instant.parse("2026-03-03T16:00:00Z");

	static final Duration PAST_DUE = Duration.ofSeconds(1);

	static final long POLL_MILLIS = 100;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Intake intake;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CamundaBpmProperties camunda;

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private int requests;

	/** Which database, for the report. */
	abstract String label();

	/** The report's file name under {@code target/bench}. */
	abstract String reportName();

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void timerStorm() throws IOException, SQLException {
		int cases = Integer.getInteger("bench.storm.cases", 10_000);
		int warmup = Integer.getInteger("bench.storm.warmup", 500);
		int batch = Integer.getInteger("bench.storm.batch", 100);
		Duration timeout = Duration.ofSeconds(Long.getLong("bench.storm.timeout", 600));
		Duration stall = Duration.ofSeconds(Long.getLong("bench.storm.stall", 60));
		List<JobExecutorSettings> settings = JobExecutorSettings
			.parseAll(System.getProperty("bench.storm.settings", "default"), this.camunda.getJobExecution());
		Limits limits = new Limits(timeout, stall);

		long started = System.nanoTime();
		List<Storm> storms = new ArrayList<>();
		ProcessEngine bare = BenchSupport.bareEngine(this.engine, this.context);
		try {
			bare.getRepositoryService()
				.createDeployment()
				.name("bench-timer-storm")
				.addModelInstance(BARE_PROCESS + ".bpmn", bareModel(EXPECTED_YELLOW))
				.deploy();
			if (warmup > 0) {
				storms.add(platformStorm(warmup, batch, settings.get(0), limits, true));
				storms.add(bareStorm(bare, warmup, batch, settings.get(0), limits, true));
			}
			for (JobExecutorSettings set : settings) {
				storms.add(platformStorm(cases, batch, set, limits, false));
				storms.add(bareStorm(bare, cases, batch, set, limits, false));
			}
			assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
			assertThat(count("SELECT COUNT(*) FROM notification WHERE kind <> 'YELLOW'")).as("other warnings").isZero();
			String report = report(cases, warmup, batch, storms, (System.nanoTime() - started) / 1e9);
			BenchSupport.writeReport(reportName(), report);
		}
		finally {
			stopped(this.engine);
			stopped(bare);
			bare.close();
			ClockUtil.reset();
		}
	}

	/** Accepts {@code n} cases, then fires their yellow timers. */
	private Storm platformStorm(int n, int batch, JobExecutorSettings settings, Limits limits, boolean warmup) {
		ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT));
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		List<String> caseNos = new ArrayList<>(n);
		long setupStart = System.nanoTime();
		for (int done = 0; done < n; done += batch) {
			int size = Math.min(batch, n - done);
			tx.executeWithoutResult(status -> {
				for (int i = 0; i < size; i++) {
					IntakeOutcome outcome = this.intake.accept(BenchSupport.foodLicence("storm-" + this.run + "-" + (++this.requests)),
							"clerk");
					if (outcome.record().status() != CaseStatus.ACCEPTED) {
						throw new IllegalStateException("intake answered " + outcome.record().status());
					}
					caseNos.add(outcome.record().caseNo());
				}
			});
		}
		double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
		String first = caseNos.get(0);
		String last = caseNos.get(n - 1);

		// every new case's yellow timer falls due at the same instant, and only those are due past it
		assertThat(this.jdbc.queryForList("SELECT DISTINCT j.DUEDATE_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ WHERE d.ACT_ID_ = ?",
				Timestamp.class, YELLOW_TIMER).stream().map(Timestamp::toInstant).toList())
			.as("due dates of the yellow timers")
			.containsExactly(EXPECTED_YELLOW);
		Instant stormAt = EXPECTED_YELLOW.plus(PAST_DUE);
		ClockUtil.setCurrentTime(Date.from(stormAt));
		assertThat(dueJobsByActivity(stormAt)).as("jobs due at " + stormAt).containsExactly(Map.entry(YELLOW_TIMER, (long) n));
		long jobRows = count("SELECT COUNT(*) FROM ACT_RU_JOB");
		long yellowBefore = count("SELECT COUNT(*) FROM notification WHERE kind = 'YELLOW'");

		Storm storm = storm(this.engine, "platform", settings, n, warmup, setupSeconds, jobRows, limits,
				() -> count("SELECT COUNT(*) FROM notification WHERE kind = 'YELLOW'") - yellowBefore);

		assertThat(count("SELECT COUNT(*) FROM notification WHERE kind = 'YELLOW' AND case_no BETWEEN ? AND ?", first, last))
			.as("yellow warnings of the storm's cases")
			.isEqualTo(n);
		assertThat(count("SELECT COUNT(DISTINCT case_no) FROM notification WHERE kind = 'YELLOW' AND case_no BETWEEN ? AND ?",
				first, last))
			.as("cases warned")
			.isEqualTo(n);
		assertThat(count("SELECT COUNT(*) FROM case_event WHERE kind = 'ESCALATION' AND decision = 'YELLOW' AND case_no BETWEEN ? AND ?",
				first, last))
			.as("yellow warnings on the storm's cases' timelines")
			.isEqualTo(n);
		assertThat(dueJobsByActivity(stormAt)).as("jobs still due").isEmpty();
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?", BenchSupport.PLATFORM_PROCESS))
			.as("the storm's cases' later timers (overdue, a day overdue), still waiting")
			.isEqualTo(2L * count("SELECT COUNT(*) FROM service_case WHERE matter_code = ?", BenchSupport.MATTER));
		verifyNoFailures();
		return storm;
	}

	/** Starts {@code n} bare instances, then fires their timers. */
	private Storm bareStorm(ProcessEngine bare, int n, int batch, JobExecutorSettings settings, Limits limits,
			boolean warmup) {
		ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT));
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		long setupStart = System.nanoTime();
		for (int done = 0; done < n; done += batch) {
			int size = Math.min(batch, n - done);
			tx.executeWithoutResult(status -> {
				for (int i = 0; i < size; i++) {
					bare.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS);
				}
			});
		}
		double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

		Instant stormAt = EXPECTED_YELLOW.plus(PAST_DUE);
		ClockUtil.setCurrentTime(Date.from(stormAt));
		assertThat(dueJobsByActivity(stormAt)).as("jobs due at " + stormAt).containsExactly(Map.entry(BARE_TIMER, (long) n));
		long jobRows = count("SELECT COUNT(*) FROM ACT_RU_JOB");
		long firedBefore = firedBare();

		Storm storm = storm(bare, "bare", settings, n, warmup, setupSeconds, jobRows, limits,
				() -> n - count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?", BARE_PROCESS));

		assertThat(firedBare() - firedBefore).as("bare timers fired (history of the service task)").isEqualTo(n);
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?", BARE_PROCESS))
			.as("bare timers left")
			.isZero();
		assertThat(dueJobsByActivity(stormAt)).as("jobs still due").isEmpty();
		verifyNoFailures();
		return storm;
	}

	/**
	 * Starts the engine's job executor with the settings, waits until {@code progress} reaches
	 * {@code n}, stops it.
	 */
	private Storm storm(ProcessEngine on, String path, JobExecutorSettings settings, int n, boolean warmup,
			double setupSeconds, long jobRows, Limits limits, LongSupplier progress) {
		JobExecutor executor = settings.applyTo(on);
		Map<String, Long> metersBefore = meters(on);
		long start = System.nanoTime();
		long lastProgressAt = start;
		long lastDone = 0;
		double half = Double.NaN;
		double ninety = Double.NaN;
		double wall;
		executor.start();
		try {
			while (true) {
				sleep(POLL_MILLIS);
				long now = System.nanoTime();
				long done = progress.getAsLong();
				double elapsed = (now - start) / 1e9;
				if (done > n) {
					throw new AssertionError(path + " storm: " + done + " timers recorded, more than the " + n + " due");
				}
				if (Double.isNaN(half) && done * 2 >= n) {
					half = elapsed;
				}
				if (Double.isNaN(ninety) && done * 10 >= n * 9L) {
					ninety = elapsed;
				}
				if (done == n) {
					wall = elapsed;
					break;
				}
				if (done != lastDone) {
					lastDone = done;
					lastProgressAt = now;
				}
				if (now - lastProgressAt > limits.stall().toNanos() || now - start > limits.timeout().toNanos()) {
					throw new AssertionError(String.format(Locale.ROOT,
							"%s storm (%s) stopped after %.1f s with %d of %d timers done; failing jobs: %s", path,
							settings.name(), elapsed, done, n, failingJobs()));
				}
			}
		}
		finally {
			executor.shutdown();
		}
		Map<String, Long> metersAfter = meters(on);
		Map<String, Long> meters = new LinkedHashMap<>();
		metersAfter.forEach((name, value) -> meters.put(name, value - metersBefore.getOrDefault(name, 0L)));
		return new Storm(path, settings, n, warmup, setupSeconds, jobRows, wall, half, ninety, meters);
	}

	/** Due jobs (null due dates included) by the activity of their job definition. */
	private Map<String, Long> dueJobsByActivity(Instant at) {
		Map<String, Long> due = new LinkedHashMap<>();
		this.jdbc.query("SELECT d.ACT_ID_, COUNT(*) FROM ACT_RU_JOB j LEFT JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ "
				+ "WHERE j.DUEDATE_ IS NULL OR j.DUEDATE_ <= ? GROUP BY d.ACT_ID_",
				row -> {
					due.put(String.valueOf(row.getString(1)), row.getLong(2));
				}, Timestamp.from(at));
		return due;
	}

	private long firedBare() {
		return count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ = ? AND END_TIME_ IS NOT NULL",
				BARE_PROCESS, BARE_WORK);
	}

	private void verifyNoFailures() {
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ < 3 OR EXCEPTION_MSG_ IS NOT NULL"))
			.as("jobs that failed at least once: " + failingJobs())
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
	}

	private List<Map<String, Object>> failingJobs() {
		return this.jdbc.queryForList("SELECT EXCEPTION_MSG_, RETRIES_, COUNT(*) AS JOBS FROM ACT_RU_JOB "
				+ "WHERE RETRIES_ < 3 OR EXCEPTION_MSG_ IS NOT NULL GROUP BY EXCEPTION_MSG_, RETRIES_");
	}

	private long count(String sql, Object... args) {
		Long n = this.jdbc.queryForObject(sql, Long.class, args);
		return n == null ? 0 : n;
	}

	/** The job executor's own counters (engine metrics, kept in memory between reports). */
	private static Map<String, Long> meters(ProcessEngine on) {
		MetricsRegistry registry = ((ProcessEngineConfigurationImpl) on.getProcessEngineConfiguration()).getMetricsRegistry();
		Map<String, Long> meters = new LinkedHashMap<>();
		for (String name : List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
				Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED)) {
			Meter meter = registry == null ? null : registry.getDbMeterByName(name);
			meters.put(name, meter == null ? 0 : meter.get());
		}
		return meters;
	}

	private static void stopped(ProcessEngine on) {
		JobExecutor executor = ((ProcessEngineConfigurationImpl) on.getProcessEngineConfiguration()).getJobExecutor();
		if (executor != null && executor.isActive()) {
			executor.shutdown();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", interrupted);
		}
	}

	/** A user task with a non-interrupting timer at {@code at} that leads to a service task doing nothing. */
	static BpmnModelInstance bareModel(Instant at) {
		return Bpmn.createExecutableProcess(BARE_PROCESS)
			.name("Benchmark: bare timer storm")
			.camundaHistoryTimeToLive(365)
			.startEvent("StartEvent_Bench")
			.userTask("Task_BenchWait")
			.camundaCandidateGroups("dept-scjg")
			.boundaryEvent(BARE_TIMER)
			.cancelActivity(false)
			.timerWithDate(at.toString())
			.serviceTask(BARE_WORK)
			.camundaExpression("${true}")
			.endEvent("EndEvent_BenchFired")
			.moveToActivity("Task_BenchWait")
			.endEvent("EndEvent_BenchDone")
			.done();
	}

	private String report(int cases, int warmup, int batch, List<Storm> storms, double totalSeconds) throws SQLException {
		ProcessEngineConfigurationImpl platform = (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
		StringBuilder out = new StringBuilder();
		out.append("=== Timer storm: ").append(label()).append(" ===\n");
		out.append("database:        ").append(BenchSupport.databaseProduct(this.dataSource)).append('\n');
		out.append("engines:         history=").append(platform.getHistoryLevel().getName())
			.append(", jdbcBatch=").append(platform.isJdbcBatchProcessing())
			.append(", acquireByDueDate=").append(platform.isJobExecutorAcquireByDueDate())
			.append(", preferTimerJobs=").append(platform.isJobExecutorPreferTimerJobs())
			.append(", lockTime=").append(platform.getJobExecutor().getLockTimeInMillis()).append(" ms")
			.append(", executor=").append(platform.getJobExecutor().getClass().getSimpleName()).append('\n');
		out.append(String.format(Locale.ROOT,
				"storm:           %d cases per path and settings (after a warm-up storm of %d), set up %d per transaction on one thread;%n"
						+ "                 timers due %s, clock set %d s past it; polled every %d ms%n",
				cases, warmup, batch, EXPECTED_YELLOW, PAST_DUE.toSeconds(), POLL_MILLIS));
		out.append(String.format(Locale.ROOT, "%-8s %-10s %7s %9s %9s %8s %8s %8s %9s %10s  %s%n", "path", "settings",
				"timers", "setup s", "per s", "storm s", "50% s", "90% s", "timers/s", "job rows",
				"acquisitions/acquired/lock failed/rejected/successful/failed"));
		for (Storm s : storms) {
			out.append(String.format(Locale.ROOT, "%-8s %-10s %7d %9.1f %9.1f %8.2f %8.2f %8.2f %9.1f %10d  %s%n",
					s.path(), s.warmup() ? "(warm-up)" : s.settings().name(), s.timers(), s.setupSeconds(),
					s.timers() / s.setupSeconds(), s.wallSeconds(), s.halfSeconds(), s.ninetySeconds(), s.rate(),
					s.jobRows(), String.join("/", s.meters().values().stream().map(String::valueOf).toList())));
		}
		out.append("settings:\n");
		storms.stream().filter(s -> !s.warmup()).map(Storm::settings).distinct()
			.forEach(s -> out.append("  ").append(s).append('\n'));
		out.append("ratio platform/bare (timers/s; below 1: the platform is slower):\n");
		for (Storm p : storms) {
			if (p.warmup() || !p.path().equals("platform")) {
				continue;
			}
			storms.stream()
				.filter(b -> !b.warmup() && b.path().equals("bare") && b.settings().equals(p.settings()))
				.findFirst()
				.ifPresent(b -> out.append(String.format(Locale.ROOT,
						"  %-10s platform %.1f timers/s in %.2f s, bare %.1f timers/s in %.2f s: ratio %.3f (%.1f ms vs %.1f ms per timer)%n",
						p.settings().name(), p.rate(), p.wallSeconds(), b.rate(), b.wallSeconds(), p.rate() / b.rate(),
						1000 / p.rate(), 1000 / b.rate())));
		}
		out.append(String.format(Locale.ROOT, "verified:        every storm's warnings recorded exactly once (notification and timeline), "
				+ "every bare timer fired once, no failed job, no incident, no other timer fired; %.0f s in all%n",
				totalSeconds));
		return out.toString();
	}

	private record Limits(Duration timeout, Duration stall) {
	}

	private record Storm(String path, JobExecutorSettings settings, int timers, boolean warmup, double setupSeconds,
			long jobRows, double wallSeconds, double halfSeconds, double ninetySeconds, Map<String, Long> meters) {

		double rate() {
			return this.timers / this.wallSeconds;
		}

	}

}
