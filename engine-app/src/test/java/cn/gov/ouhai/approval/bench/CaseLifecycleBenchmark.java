package cn.gov.ouhai.approval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.Intake;
import cn.gov.ouhai.approval.cases.IntakeOutcome;
import cn.gov.ouhai.approval.cases.IntakeRequest;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.tasks.BenchApprovals;

/**
 * The full case lifecycle, one case after another on one thread, through the platform's service
 * layer and through a bare Camunda engine, on the database a subclass picks. Run by
 * {@code scripts/bench} only (tag {@code bench}); results go to {@code target/bench/}.
 *
 * <p>
 * Platform path, per case: {@link Intake#accept} of a 食品经营许可 (SCJG-SPJY-001) with all five
 * materials, then its three steps completed with APPROVE through the service behind
 * {@code POST /api/tasks/{id}/complete} (permission checks, claim, complete with decision and
 * opinion), with the platform's listeners writing the timeline and the final status.
 *
 * <p>
 * Bare path, per case: {@code Process_BenchBare} (start, three user tasks with candidate groups,
 * end) started with {@code RuntimeService} and its tasks completed with {@code TaskService}. It
 * runs on a second engine ({@link BenchSupport#bareEngine}) on the same data source, transaction
 * manager and engine settings, without the platform's plugins: the platform's parse listener makes
 * every process started on the platform's engine without a {@code caseNo} register a case from
 * start-form variables, and refuses processes that belong to no matter (the benchmark checks that).
 *
 * <p>
 * Both paths find each task with the same task query by process instance. Settings (system
 * properties): {@code bench.warmup} cases per path (500: on H2 the JIT is still warming up after
 * 50), {@code bench.rounds} (5), {@code bench.cases} per round and path (200), {@code bench.block}
 * cases per turn within a round (20).
 */
abstract class CaseLifecycleBenchmark {

	static final String BARE_PROCESS = "Process_BenchBare";

	static final String PLATFORM_PROCESS = BenchSupport.PLATFORM_PROCESS;

	static final List<String> STEPS = List.of("Task_ReviewMaterials", "Task_DecideLicence", "Task_IssueLicence");

	static final CurrentUser APPROVER = new CurrentUser("approver-scjg", Set.of("dept-scjg"));

	static final CurrentUser HEAD = new CurrentUser("head-scjg", Set.of("head-scjg"));

	static final List<CurrentUser> ACTORS = List.of(APPROVER, HEAD, APPROVER);

	@Autowired
	ProcessEngine engine;

	@Autowired
	Intake intake;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private int requests;

	private BenchApprovals approvals;

	/** Which database, for the report. */
	abstract String label();

	/** The report's file name under {@code target/bench}. */
	abstract String reportName();

	@Test
	void caseLifecycle() throws IOException, SQLException {
		int warmup = Integer.getInteger("bench.warmup", 500);
		int rounds = Integer.getInteger("bench.rounds", 5);
		int perRound = Integer.getInteger("bench.cases", 200);
		int block = Integer.getInteger("bench.block", 20);
		this.approvals = new BenchApprovals(this.context);
		ProcessEngine bare = BenchSupport.bareEngine(this.engine, this.context);
		try {
			bare.getRepositoryService()
				.createDeployment()
				.name("bench-bare")
				.addModelInstance(BARE_PROCESS + ".bpmn", bareModel())
				.deploy();
			String refusal = platformEngineOnBareProcess();

			long warmStart = System.nanoTime();
			for (int i = 0; i < warmup; i++) {
				bareCase(bare);
				platformCase();
			}
			double warmSeconds = (System.nanoTime() - warmStart) / 1e9;

			List<Double> bareRates = new ArrayList<>();
			List<Double> platformRates = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				// Within a round the paths take turns in blocks, the first path alternating, so that
				// what drifts (other load on the machine, JIT, GC, growing tables) hits both alike.
				System.gc();
				long bareNanos = 0;
				long platformNanos = 0;
				for (int done = 0, turn = round; done < perRound; done += block, turn++) {
					int n = Math.min(block, perRound - done);
					if (turn % 2 == 0) {
						bareNanos += time(n, () -> bareCase(bare));
						platformNanos += time(n, this::platformCase);
					}
					else {
						platformNanos += time(n, this::platformCase);
						bareNanos += time(n, () -> bareCase(bare));
					}
				}
				bareRates.add(perRound / (bareNanos / 1e9));
				platformRates.add(perRound / (platformNanos / 1e9));
			}

			int total = warmup + rounds * perRound;
			verify(bare, total);
			String report = report(bare, warmup, rounds, perRound, block, warmSeconds, bareRates, platformRates, total,
					refusal);
			BenchSupport.writeReport(reportName(), report);
		}
		finally {
			bare.close();
		}
	}

	/** One case through the platform: intake, then the three steps approved by their departments. */
	private void platformCase() {
		IntakeRequest request = BenchSupport.foodLicence("bench-" + this.run + "-" + (++this.requests));
		IntakeOutcome outcome = this.intake.accept(request, "clerk");
		if (outcome.record().status() != CaseStatus.ACCEPTED) {
			throw new IllegalStateException("intake answered " + outcome.record().status());
		}
		String processInstanceId = outcome.record().processInstanceId();
		TaskService tasks = this.engine.getTaskService();
		for (int step = 0; step < STEPS.size(); step++) {
			Task task = onlyTask(tasks, processInstanceId, STEPS.get(step));
			this.approvals.approve(ACTORS.get(step), task.getId(), "同意");
		}
	}

	/** One case of the same shape on the bare engine. */
	private static void bareCase(ProcessEngine bare) {
		String processInstanceId = bare.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS).getId();
		TaskService tasks = bare.getTaskService();
		for (String step : STEPS) {
			tasks.complete(onlyTask(tasks, processInstanceId, step).getId());
		}
	}

	private static Task onlyTask(TaskService tasks, String processInstanceId, String expected) {
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		if (task == null || !expected.equals(task.getTaskDefinitionKey())) {
			throw new IllegalStateException("expected " + expected + " in " + processInstanceId + ", found "
					+ (task == null ? "no task" : task.getTaskDefinitionKey()));
		}
		return task;
	}

	/** Nanoseconds for {@code cases} cases. */
	private static long time(int cases, Runnable lifecycle) {
		long start = System.nanoTime();
		for (int i = 0; i < cases; i++) {
			lifecycle.run();
		}
		return System.nanoTime() - start;
	}

	static BpmnModelInstance bareModel() {
		return Bpmn.createExecutableProcess(BARE_PROCESS)
			.name("Benchmark: bare lifecycle")
			.camundaHistoryTimeToLive(365)
			.startEvent("StartEvent_Bench")
			.userTask(STEPS.get(0))
			.camundaCandidateGroups("dept-scjg")
			.userTask(STEPS.get(1))
			.camundaCandidateGroups("head-scjg")
			.userTask(STEPS.get(2))
			.camundaCandidateGroups("dept-scjg")
			.endEvent("EndEvent_Bench")
			.done();
	}

	/** What the platform's engine does with a process that carries no caseNo and belongs to no matter. */
	private String platformEngineOnBareProcess() {
		try {
			this.engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS);
			return "started it (unexpected: the platform's start listener let it through)";
		}
		catch (RuntimeException refused) {
			return "refuses it: " + refused.getClass().getSimpleName() + ": " + refused.getMessage();
		}
	}

	private void verify(ProcessEngine bare, int total) {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case WHERE status = 'COMPLETED'",
				Integer.class))
			.as("completed cases")
			.isEqualTo(total);
		assertThat(bare.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BARE_PROCESS)
			.completed()
			.count()).as("completed bare instances").isEqualTo(total);
		assertThat(bare.getTaskService().createTaskQuery().count()).as("open tasks").isZero();
	}

	/**
	 * Rows per case left in each table a case touches, per path (NaN where a table is missing).
	 * Runtime rows that both paths insert and delete again are not counted.
	 */
	private Map<String, double[]> rowsPerCase(int total) {
		Map<String, double[]> rows = new LinkedHashMap<>();
		for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_IDENTITYLINK",
				"ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG")) {
			String key = table.equals("ACT_HI_JOB_LOG") ? "PROCESS_DEF_KEY_" : "PROC_DEF_KEY_";
			String sql = "SELECT COUNT(*) FROM " + table + " WHERE " + key + " = ?";
			rows.put(table, new double[] { count(sql, BARE_PROCESS) / total, count(sql, PLATFORM_PROCESS) / total });
		}
		rows.put("ACT_RU_TASK_METER_LOG",
				new double[] { 0, count("SELECT COUNT(*) FROM ACT_RU_TASK_METER_LOG", null) / total });
		for (String table : List.of("service_case", "case_material", "case_event", "case_clock", "case_pause",
				"notification")) {
			rows.put(table, new double[] { 0, count("SELECT COUNT(*) FROM " + table, null) / total });
		}
		return rows;
	}

	private double count(String sql, String key) {
		try {
			Long n = key == null ? this.jdbc.queryForObject(sql, Long.class)
					: this.jdbc.queryForObject(sql, Long.class, key);
			return n == null ? 0 : n;
		}
		catch (DataAccessException missing) {
			return Double.NaN;
		}
	}

	private String report(ProcessEngine bare, int warmup, int rounds, int perRound, int block, double warmSeconds,
			List<Double> bareRates, List<Double> platformRates, int total, String refusal) throws SQLException {
		StringBuilder out = new StringBuilder();
		ProcessEngineConfigurationImpl platform = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		out.append("=== Case lifecycle benchmark: ").append(label()).append(" ===\n");
		out.append("database:        ").append(BenchSupport.databaseProduct(this.dataSource)).append('\n');
		out.append("engines:         history=").append(platform.getHistoryLevel().getName())
			.append(", idGenerator=").append(platform.getIdGenerator().getClass().getSimpleName())
			.append(", jdbcBatch=").append(platform.isJdbcBatchProcessing())
			.append(", authorization=").append(platform.isAuthorizationEnabled())
			.append(" (no engine user set: the service layer runs as the API does)\n");
		out.append("bare process on the platform's engine: ").append(refusal).append('\n');
		out.append(String.format(Locale.ROOT, "warm-up:         %d cases per path in %.1f s%n", warmup, warmSeconds));
		out.append(String.format(Locale.ROOT,
				"measured:        %d rounds x %d cases per path, one thread, paths taking turns in blocks of %d%n",
				rounds, perRound, block));
		out.append(String.format(Locale.ROOT, "%-7s %14s %18s %16s%n", "round", "bare cases/s", "platform cases/s",
				"platform/bare"));
		for (int i = 0; i < rounds; i++) {
			out.append(String.format(Locale.ROOT, "%-7d %14.1f %18.1f %16.3f%n", i + 1, bareRates.get(i),
					platformRates.get(i), platformRates.get(i) / bareRates.get(i)));
		}
		double bareMedian = BenchSupport.median(bareRates);
		double platformMedian = BenchSupport.median(platformRates);
		out.append(String.format(Locale.ROOT, "%-7s %14.1f %18.1f%n", "median", bareMedian, platformMedian));
		out.append(String.format(Locale.ROOT, "%-7s %14.2f %18.2f%n", "ms/case", 1000 / bareMedian,
				1000 / platformMedian));
		out.append(String.format(Locale.ROOT, "ratio platform/bare (median cases/s): %.3f  (platform takes %.2fx the time per case)%n",
				platformMedian / bareMedian, bareMedian / platformMedian));
		out.append(String.format(Locale.ROOT,
				"rows left per case (over all %d cases of each path; the ACT_RU_ rows both paths delete again not counted):%n",
				total));
		out.append(String.format(Locale.ROOT, "  %-32s %6s %9s%n", "table", "bare", "platform"));
		rowsPerCase(total).forEach((table, n) -> out
			.append(String.format(Locale.ROOT, "  %-32s %6.1f %9.1f%n", table, n[0], n[1])));
		out.append("verified:        every case COMPLETED, every bare instance ended, no open task\n");
		return out.toString();
	}
}
