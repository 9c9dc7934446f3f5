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
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
 * Timer storms: N open cases whose warnings fall due at the same instant, and how long the job
 * executor takes until every one is recorded, next to a bare engine firing N timers that do
 * nothing. Run by {@code scripts/bench} only (tag {@code bench}); the report goes to
 * {@code target/bench/}.
 *
 * <p>
 * Platform: with the engine clock fixed at Mon 2 Mar 2026 10:00 (Beijing), N 食品经营许可 accepted
 * through {@link Intake#accept}, each with its case, case clock, process and the review step's three
 * timers: yellow at 24:00 Tue 3 Mar, overdue (red) at 24:00 Wed 4 Mar, a day overdue at 24:00 Thu
 * 5 Mar. {@code bench.storm.batch} intakes go in one transaction, on one thread: the day's
 * case-number counter row stays locked until an intake commits, so more threads would only queue
 * on it. Then for each wave (yellow first): the clock set one second past the wave's instant, the
 * check that exactly the wave's N timers are due, the engine's job executor started with the
 * wave's settings, the {@code notification} table polled every 100 ms until it holds N new rows,
 * the executor stopped.
 *
 * <p>
 * Bare: on a second engine without the platform's plugins ({@link BenchSupport#bareEngine}), N
 * instances of {@code Process_BenchTimerStorm}: a user task with three non-interrupting boundary
 * timers at fixed dates, each leading to a service task {@code ${true}} and an end, so that its job
 * table holds what the platform's holds. Its dates are an hour after the platform's, and each
 * platform wave runs before the bare wave of the same kind: the executors are not deployment-aware,
 * so an executor fires every due timer in the tables, and one that ran with the other's timers due
 * would fire them too. Its own job executor, same settings, polled until none of the wave's timers
 * is left.
 *
 * <p>
 * Waves: as many as {@code bench.storm.settings} lists settings (1 to 3), the first (yellow) with
 * the first settings. The later waves run the same code (the escalation service with another kind
 * and addressee) on tables that hold one wave of timers fewer: they let several settings run on one
 * set-up. Before them a warm-up storm of {@code bench.storm.warmup} cases and instances a week
 * later (all three timers at once), with the first settings, not counted.
 *
 * <p>
 * Each storm is verified: every case's warning of the wave recorded exactly once (notification
 * and timeline), every bare timer of the wave fired once (history), no job failed, no incident, no
 * other timer due. A storm that makes no progress for {@code bench.storm.stall} seconds, or runs
 * longer than {@code bench.storm.timeout}, fails the benchmark; so does any failed check.
 *
 * <p>
 * Settings (system properties): {@code bench.storm.cases} (10,000), {@code bench.storm.warmup}
 * (300), {@code bench.storm.batch} (100), {@code bench.storm.settings} ({@code configured}: as in
 * {@code application.yml}; see {@link JobExecutorSettings}), {@code bench.storm.timeout} (600 s), {@code bench.storm.stall} (60 s).
 * Experiment: {@code bench.storm.dueDateIndex} ({@code true}: an index on
 * {@code ACT_RU_JOB(DUEDATE_)} in the benchmark's database, which the platform's schema lacks).
 */
abstract class TimerStormBenchmark {

	static final String BARE_PROCESS = "Process_BenchTimerStorm";

	static final String BARE_WARMUP_PROCESS = "Process_BenchTimerStormWarmup";

	/** Mon 2 Mar 2026, 10:00 in Beijing: an ordinary working week. */
	static final Instant ACCEPTED_AT = Instant.parse("2026-03-02T02:00:00Z");

	/** The warm-up's cases: a week later, so none of their timers falls into a measured wave. */
	static final Duration WARMUP_LATER = Duration.ofDays(7);

	/** How much later than the platform's the bare timers fall due. */
	static final Duration BARE_LATER = Duration.ofHours(1);

	static final Duration PAST_DUE = Duration.ofSeconds(1);

	static final long POLL_MILLIS = 100;

	/** The process instances of the cases numbered from the first to the second parameter. */
	static final String OF_CASES = "SELECT process_instance_id FROM service_case WHERE case_no BETWEEN ? AND ?";

	/** The review step's timers, in the order they fall due, and what each records. */
	enum Wave {

		YELLOW("BoundaryEvent_ReviewNearDue", "2026-03-03T16:00:00Z"),
		RED("BoundaryEvent_ReviewOverdue", "2026-03-04T16:00:00Z"),
		RED_ESCALATED("BoundaryEvent_ReviewStillOverdue", "2026-03-05T16:00:00Z");

		final String timer;

		/** When the timers of cases accepted at {@link #ACCEPTED_AT} fall due (24:00 Beijing). */
		final Instant dueAt;

		Wave(String timer, String dueAt) {
			this.timer = timer;
			this.dueAt = Instant.parse(dueAt);
		}

		String bareTimer() {
			return "BoundaryEvent_Bench" + ordinal();
		}

		String bareWork() {
			return "Task_BenchNothing" + ordinal();
		}

	}

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

	private Limits limits;

	private int batch;

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
		int warmup = Integer.getInteger("bench.storm.warmup", 300);
		this.batch = Integer.getInteger("bench.storm.batch", 100);
		this.limits = new Limits(Duration.ofSeconds(Long.getLong("bench.storm.timeout", 600)),
				Duration.ofSeconds(Long.getLong("bench.storm.stall", 60)));
		List<JobExecutorSettings> settings = JobExecutorSettings
			.parseAll(System.getProperty("bench.storm.settings", "configured"), this.camunda.getJobExecution());
		if (settings.size() > Wave.values().length) {
			throw new IllegalArgumentException("at most " + Wave.values().length + " settings, one per wave: " + settings);
		}
		List<Wave> waves = List.of(Wave.values()).subList(0, settings.size());
		boolean dueDateIndex = Boolean.getBoolean("bench.storm.dueDateIndex");

		long started = System.nanoTime();
		long notificationsBefore = count("SELECT COUNT(*) FROM notification");
		List<Storm> storms = new ArrayList<>();
		ProcessEngine bare = BenchSupport.bareEngine(this.engine, this.context);
		try {
			if (dueDateIndex) {
				// an experiment on the benchmark's own database: the index the due-date order wants
				this.jdbc.execute("CREATE INDEX ACT_IDX_JOB_BENCH_DUEDATE ON ACT_RU_JOB (DUEDATE_)");
			}
			bare.getRepositoryService()
				.createDeployment()
				.name("bench-timer-storm")
				.addModelInstance(BARE_PROCESS + ".bpmn", bareModel(BARE_PROCESS, Duration.ZERO))
				.addModelInstance(BARE_WARMUP_PROCESS + ".bpmn", bareModel(BARE_WARMUP_PROCESS, WARMUP_LATER))
				.deploy();

			if (warmup > 0) {
				// one storm per path firing all three timers of a week later, not counted
				Instant last = Wave.RED_ESCALATED.dueAt.plus(WARMUP_LATER);
				Setup p = acceptCases(warmup, ACCEPTED_AT.plus(WARMUP_LATER));
				storms.add(platformStorm(null, p, settings.get(0), last, 3 * warmup));
				Setup b = startBare(bare, BARE_WARMUP_PROCESS, warmup);
				storms.add(bareStorm(bare, BARE_WARMUP_PROCESS, null, b, settings.get(0), last.plus(BARE_LATER), 3 * warmup));
			}

			Setup platformSetup = acceptCases(cases, ACCEPTED_AT);
			Setup bareSetup = startBare(bare, BARE_PROCESS, cases);
			for (int i = 0; i < waves.size(); i++) {
				Wave wave = waves.get(i);
				storms.add(platformStorm(wave, platformSetup, settings.get(i), wave.dueAt, cases));
				storms.add(bareStorm(bare, BARE_PROCESS, wave, bareSetup, settings.get(i), wave.dueAt.plus(BARE_LATER), cases));
			}

			assertThat(count("SELECT COUNT(*) FROM notification") - notificationsBefore).as("notifications in all")
				.isEqualTo(3L * warmup + (long) waves.size() * cases);
			assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
			String report = report(cases, warmup, platformSetup, bareSetup, storms, dueDateIndex,
					(System.nanoTime() - started) / 1e9);
			BenchSupport.writeReport(reportName(), report);
		}
		finally {
			stop(this.engine);
			stop(bare);
			bare.close();
			ClockUtil.reset();
		}
	}

	/** Accepts {@code n} cases with the clock at {@code at}, {@link #batch} per transaction. */
	private Setup acceptCases(int n, Instant at) {
		ClockUtil.setCurrentTime(Date.from(at));
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		List<String> caseNos = new ArrayList<>(n);
		long start = System.nanoTime();
		for (int done = 0; done < n; done += this.batch) {
			int size = Math.min(this.batch, n - done);
			tx.executeWithoutResult(status -> {
				for (int i = 0; i < size; i++) {
					IntakeOutcome outcome = this.intake
						.accept(BenchSupport.foodLicence("storm-" + this.run + "-" + (++this.requests)), "clerk");
					if (outcome.record().status() != CaseStatus.ACCEPTED) {
						throw new IllegalStateException("intake answered " + outcome.record().status());
					}
					caseNos.add(outcome.record().caseNo());
				}
			});
		}
		return new Setup(n, (System.nanoTime() - start) / 1e9, caseNos.get(0), caseNos.get(n - 1));
	}

	/** Starts {@code n} instances of a bare process on the bare engine, {@link #batch} per transaction. */
	private Setup startBare(ProcessEngine bare, String processKey, int n) {
		ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT));
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		long start = System.nanoTime();
		for (int done = 0; done < n; done += this.batch) {
			int size = Math.min(this.batch, n - done);
			tx.executeWithoutResult(status -> {
				for (int i = 0; i < size; i++) {
					bare.getRuntimeService().startProcessInstanceByKey(processKey);
				}
			});
		}
		return new Setup(n, (System.nanoTime() - start) / 1e9, null, null);
	}

	/**
	 * Fires the platform's timers due at {@code dueAt}: {@code expected} of them ({@code wave} null:
	 * the warm-up, every timer of its cases).
	 */
	private Storm platformStorm(Wave wave, Setup setup, JobExecutorSettings settings, Instant dueAt, int expected) {
		if (wave != null) {
			assertThat(this.jdbc.queryForList("SELECT DISTINCT j.DUEDATE_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ "
					+ "WHERE d.ACT_ID_ = ? AND j.PROCESS_INSTANCE_ID_ IN (" + OF_CASES + ")", Timestamp.class, wave.timer,
					setup.firstCase(), setup.lastCase()).stream().map(Timestamp::toInstant).toList())
				.as("due dates of the " + wave + " timers")
				.containsExactly(wave.dueAt);
		}
		Instant clock = dueAt.plus(PAST_DUE);
		ClockUtil.setCurrentTime(Date.from(clock));
		Map<String, Long> due = dueJobsByActivity(clock);
		if (wave != null) {
			assertThat(due).as("jobs due at " + clock).containsExactly(Map.entry(wave.timer, (long) expected));
		}
		else {
			assertThat(due.values().stream().mapToLong(Long::longValue).sum()).as("jobs due at " + clock + ": " + due)
				.isEqualTo(expected);
			assertThat(due).as("jobs due at " + clock).allSatisfy((activity, n) -> assertThat(activity).startsWith("BoundaryEvent_Review"));
		}
		long jobRows = count("SELECT COUNT(*) FROM ACT_RU_JOB");
		long before = count("SELECT COUNT(*) FROM notification");

		Storm storm = storm(this.engine, "platform", wave, settings, expected, setup, jobRows,
				() -> count("SELECT COUNT(*) FROM notification") - before);

		if (wave != null) {
			assertThat(count("SELECT COUNT(*) FROM notification WHERE kind = ? AND case_no BETWEEN ? AND ?", wave.name(),
					setup.firstCase(), setup.lastCase()))
				.as(wave + " notifications of the storm's cases")
				.isEqualTo(expected);
			assertThat(count("SELECT COUNT(DISTINCT case_no) FROM notification WHERE kind = ? AND case_no BETWEEN ? AND ?",
					wave.name(), setup.firstCase(), setup.lastCase()))
				.as("cases notified")
				.isEqualTo(expected);
			assertThat(count("SELECT COUNT(*) FROM case_event WHERE kind = 'ESCALATION' AND decision = ? AND case_no BETWEEN ? AND ?",
					wave.name(), setup.firstCase(), setup.lastCase()))
				.as(wave + " escalations on the storm's cases' timelines")
				.isEqualTo(expected);
			assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN (" + OF_CASES + ")",
					setup.firstCase(), setup.lastCase()))
				.as("the cases' later timers, still waiting")
				.isEqualTo((long) (Wave.values().length - 1 - wave.ordinal()) * expected);
		}
		assertThat(dueJobsByActivity(clock)).as("jobs still due").isEmpty();
		verifyNoFailures();
		return storm;
	}

	/** Fires the bare process's timers due at {@code dueAt}: {@code expected} of them. */
	private Storm bareStorm(ProcessEngine bare, String processKey, Wave wave, Setup setup, JobExecutorSettings settings,
			Instant dueAt, int expected) {
		Instant clock = dueAt.plus(PAST_DUE);
		ClockUtil.setCurrentTime(Date.from(clock));
		Map<String, Long> due = dueJobsByActivity(clock);
		if (wave != null) {
			assertThat(due).as("jobs due at " + clock).containsExactly(Map.entry(wave.bareTimer(), (long) expected));
		}
		else {
			assertThat(due.values().stream().mapToLong(Long::longValue).sum()).as("jobs due at " + clock + ": " + due)
				.isEqualTo(expected);
		}
		long jobRows = count("SELECT COUNT(*) FROM ACT_RU_JOB");
		long firedBefore = firedBare(processKey);
		Timestamp now = Timestamp.from(clock);

		Storm storm = storm(bare, "bare", wave, settings, expected, setup, jobRows,
				() -> expected - count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ? AND DUEDATE_ <= ?",
						processKey, now));

		assertThat(firedBare(processKey) - firedBefore).as("bare timers fired (service tasks in history)").isEqualTo(expected);
		if (wave != null) {
			assertThat(count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ = ? AND END_TIME_ IS NOT NULL",
					processKey, wave.bareWork()))
				.as("instances whose " + wave + " timer fired")
				.isEqualTo(expected);
			assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?", processKey))
				.as("the instances' later timers, still waiting")
				.isEqualTo((long) (Wave.values().length - 1 - wave.ordinal()) * expected);
		}
		assertThat(dueJobsByActivity(clock)).as("jobs still due").isEmpty();
		verifyNoFailures();
		return storm;
	}

	/**
	 * Starts the engine's job executor with the settings, waits until {@code progress} reaches
	 * {@code n}, stops it.
	 */
	private Storm storm(ProcessEngine on, String path, Wave wave, JobExecutorSettings settings, int n, Setup setup,
			long jobRows, LongSupplier progress) {
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
				if (now - lastProgressAt > this.limits.stall().toNanos() || now - start > this.limits.timeout().toNanos()) {
					throw new AssertionError(String.format(Locale.ROOT,
							"%s storm (%s, %s) stopped after %.1f s with %d of %d timers done; failing jobs: %s", path,
							wave, settings.name(), elapsed, done, n, failingJobs()));
				}
			}
		}
		finally {
			executor.shutdown();
		}
		Map<String, Long> metersAfter = meters(on);
		Map<String, Long> meters = new LinkedHashMap<>();
		metersAfter.forEach((name, value) -> meters.put(name, value - metersBefore.getOrDefault(name, 0L)));
		return new Storm(path, wave, settings, n, setup, jobRows, wall, half, ninety, meters);
	}

	/**
	 * Jobs the executor would acquire at {@code at} (due or without a due date, active, retries
	 * left), by their job definition's activity.
	 */
	private Map<String, Long> dueJobsByActivity(Instant at) {
		Map<String, Long> due = new LinkedHashMap<>();
		this.jdbc.query("SELECT d.ACT_ID_, COUNT(*) FROM ACT_RU_JOB j LEFT JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ "
				+ "WHERE (j.DUEDATE_ IS NULL OR j.DUEDATE_ <= ?) AND j.SUSPENSION_STATE_ = 1 AND j.RETRIES_ > 0 "
				+ "GROUP BY d.ACT_ID_", row -> {
					due.put(String.valueOf(row.getString(1)), row.getLong(2));
				}, Timestamp.from(at));
		return due;
	}

	private long firedBare(String processKey) {
		return count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ LIKE 'Task_BenchNothing%' "
				+ "AND END_TIME_ IS NOT NULL", processKey);
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

	/** The job executor's counters (engine metrics, kept in memory between reports). */
	private static Map<String, Long> meters(ProcessEngine on) {
		MetricsRegistry registry = ((ProcessEngineConfigurationImpl) on.getProcessEngineConfiguration())
			.getMetricsRegistry();
		Map<String, Long> meters = new LinkedHashMap<>();
		for (String name : List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
				Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED)) {
			Meter meter = registry == null ? null : registry.getDbMeterByName(name);
			meters.put(name, meter == null ? 0 : meter.get());
		}
		return meters;
	}

	private static void stop(ProcessEngine on) {
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

	/**
	 * A user task with a non-interrupting timer per wave, {@link #BARE_LATER} after the platform's
	 * (and {@code later} on top), each leading to a service task that does nothing, and an end.
	 */
	static BpmnModelInstance bareModel(String key, Duration later) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.name("Benchmark: bare timer storm")
			.camundaHistoryTimeToLive(365)
			.startEvent("StartEvent_Bench")
			.userTask("Task_BenchWait")
			.camundaCandidateGroups("dept-scjg")
			.endEvent("EndEvent_BenchDone")
			.done();
		for (Wave wave : Wave.values()) {
			model.<UserTask>getModelElementById("Task_BenchWait")
				.builder()
				.boundaryEvent(wave.bareTimer())
				.cancelActivity(false)
				.timerWithDate(wave.dueAt.plus(BARE_LATER).plus(later).toString())
				.serviceTask(wave.bareWork())
				.camundaExpression("${true}")
				.endEvent("EndEvent_BenchFired" + wave.ordinal());
		}
		return model;
	}

	private String report(int cases, int warmup, Setup platformSetup, Setup bareSetup, List<Storm> storms,
			boolean dueDateIndex, double totalSeconds) throws SQLException {
		ProcessEngineConfigurationImpl platform = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		StringBuilder out = new StringBuilder();
		out.append("=== Timer storm: ").append(label()).append(" ===\n");
		out.append("database:        ").append(BenchSupport.databaseProduct(this.dataSource)).append('\n');
		out.append("engines:         history=").append(platform.getHistoryLevel().getName())
			.append(", jdbcBatch=").append(platform.isJdbcBatchProcessing())
			.append(", acquireByDueDate=").append(platform.isJobExecutorAcquireByDueDate())
			.append(", preferTimerJobs=").append(platform.isJobExecutorPreferTimerJobs())
			.append(", lockTime=").append(platform.getJobExecutor().getLockTimeInMillis()).append(" ms")
			.append(", executor=").append(platform.getJobExecutor().getClass().getSimpleName())
			.append(dueDateIndex ? "; index ACT_RU_JOB(DUEDATE_) added for this run" : "").append('\n');
		out.append(String.format(Locale.ROOT,
				"set-up:          %d cases per path, %d per transaction on one thread (warm-up before: %d per path, all three timers at once)%n",
				cases, this.batch, warmup));
		out.append(String.format(Locale.ROOT, "  platform:      %d cases accepted in %.1f s (%.1f cases/s)%n", cases,
				platformSetup.seconds(), cases / platformSetup.seconds()));
		out.append(String.format(Locale.ROOT, "  bare:          %d instances started in %.1f s (%.1f instances/s)%n",
				cases, bareSetup.seconds(), cases / bareSetup.seconds()));
		out.append(String.format(Locale.ROOT,
				"storms:          clock set %d s past the wave's instant; wall time from the executor's start until the last "
						+ "timer's result is committed, polled every %d ms%n",
				PAST_DUE.toSeconds(), POLL_MILLIS));
		out.append(String.format(Locale.ROOT, "%-8s %-13s %-10s %7s %8s %8s %8s %9s %9s  %s%n", "path", "wave",
				"settings", "timers", "storm s", "50% s", "90% s", "timers/s", "job rows",
				"acquisitions/acquired/lock failed/rejected/successful/failed"));
		for (Storm s : storms) {
			out.append(String.format(Locale.ROOT, "%-8s %-13s %-10s %7d %8.2f %8.2f %8.2f %9.1f %9d  %s%n", s.path(),
					s.wave() == null ? "(warm-up)" : s.wave().name(), s.settings().name(), s.timers(), s.wallSeconds(),
					s.halfSeconds(), s.ninetySeconds(), s.rate(), s.jobRows(),
					String.join("/", s.meters().values().stream().map(String::valueOf).toList())));
		}
		out.append("settings:\n");
		storms.stream()
			.filter(s -> s.wave() != null)
			.map(Storm::settings)
			.distinct()
			.forEach(s -> out.append("  ").append(s).append('\n'));
		out.append("ratio platform/bare per wave (timers/s; below 1: the platform is slower):\n");
		for (Storm p : storms) {
			if (p.wave() == null || !p.path().equals("platform")) {
				continue;
			}
			storms.stream()
				.filter(b -> b.path().equals("bare") && b.wave() == p.wave())
				.findFirst()
				.ifPresent(b -> out.append(String.format(Locale.ROOT,
						"  %-13s %-10s platform %.1f timers/s (%.2f s), bare %.1f timers/s (%.2f s): ratio %.3f%n",
						p.wave(), p.settings().name(), p.rate(), p.wallSeconds(), b.rate(), b.wallSeconds(),
						p.rate() / b.rate())));
		}
		out.append(String.format(Locale.ROOT,
				"verified:        each wave's notifications recorded exactly once per case (notification and timeline), "
						+ "each bare timer fired once, nothing else due, no failed job, no incident; %.0f s in all%n",
				totalSeconds));
		return out.toString();
	}

	private record Limits(Duration timeout, Duration stall) {
	}

	private record Setup(int count, double seconds, String firstCase, String lastCase) {
	}

	private record Storm(String path, Wave wave, JobExecutorSettings settings, int timers, Setup setup, long jobRows,
			double wallSeconds, double halfSeconds, double ninetySeconds, Map<String, Long> meters) {

		double rate() {
			return this.timers / this.wallSeconds;
		}

	}

}
