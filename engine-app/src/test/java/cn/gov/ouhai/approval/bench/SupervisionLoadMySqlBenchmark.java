package cn.gov.ouhai.approval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.MySqlPlatformTest;
import cn.gov.ouhai.approval.cases.Intake;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.supervision.CaseDayFigures;

/**
 * The supervisors' queries under load on MySQL: finished and open cases in the platform's tables,
 * of which {@code bench.supervision.tasks} are real open cases taken in through intake with their
 * processes and tasks (all in department 市场监管's list, a tenth of them late), the rest written in
 * bulk by SQL with the columns intake, the clock and the reviews would write (their engine history
 * is not generated: none of the measured queries reads it). Then, over real HTTP, 100 calls each of
 * the red/yellow list, the statistics by department for a month and the approver's task list, with
 * median and p95. Run by
 * {@code scripts/bench} only.
 */
@Tag("bench")
@MySqlPlatformTest
class SupervisionLoadMySqlBenchmark {

	static final int FINISHED = Integer.getInteger("bench.supervision.finished", 1_000_000);

	static final int OPEN = Integer.getInteger("bench.supervision.open", 100_000);

	static final int TASKS = Integer.getInteger("bench.supervision.tasks", 5_000);

	/**
	 * Calls before the measured ones: a server's lists are measured as they answer all day, not while
	 * the JIT still compiles their code (their first 40 calls after a start take 2–3 times as long).
	 */
	static final int WARMUP_CALLS = 50;

	static final int CALLS = Integer.getInteger("bench.supervision.calls", 100);

	static final int STATS_CALLS = Integer.getInteger("bench.supervision.statsCalls", 100);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Intake intake;

	@Autowired
	TaskService tasks;

	@Autowired
	WorkdayCalendar calendar;

	@Autowired
	CaseDayFigures summary;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void measuresTheSupervisorsQueries() throws Exception {
		StringBuilder report = new StringBuilder();
		report.append("=== Supervision load, MySQL (MariaDB via Connector/J) ===\n");
		report.append("database: ").append(BenchSupport.databaseProduct(this.dataSource)).append('\n');
		if (count("service_case") >= FINISHED + OPEN) {
			// a database kept from an earlier run (BENCH_SUPERVISION_DATABASE): measured again as it is
			report.append("setup: reused the database of an earlier run\n");
		}
		else {
			long start = System.nanoTime();
			takeInRealCases();
			long real = System.nanoTime();
			bulk();
			long bulk = System.nanoTime();
			// the bulk rows bypassed the events that keep the statistics' summary: counted as on an upgrade
			long summaryRows = this.summary.rebuild();
			long summarised = System.nanoTime();
			report.append(String.format(Locale.ROOT, "setup: %d real open cases through intake in %.0f s; %,d finished and "
					+ "%,d open cases written by SQL in %.0f s; the statistics' daily summary rebuilt from them in %.0f s "
					+ "(%,d rows)%n", TASKS, (real - start) / 1e9, FINISHED, OPEN - TASKS, (bulk - real) / 1e9,
					(summarised - bulk) / 1e9, summaryRows));
		}
		report.append(String.format(Locale.ROOT, "rows: service_case %,d, case_clock %,d, case_review %,d, open tasks of dept-scjg %,d%n",
				count("service_case"), count("case_clock"), count("case_review"),
				this.tasks.createTaskQuery().taskCandidateGroup("dept-scjg").count()));

		Api api = new Api(this.port);
		LocalDate today = EngineClock.today();
		LocalDate monthStart = today.minusMonths(1).withDayOfMonth(1);
		String month = "from=" + monthStart + "&to=" + monthStart.plusMonths(1).minusDays(1);
		report.append("calls: after " + WARMUP_CALLS + " of each to warm up, over HTTP on this machine\n");
		report.append(measure(api, "supervisor", "/api/supervision/overdue", "red/yellow list (200 most late)", CALLS));
		report.append(measure(api, "approver-scjg", "/api/tasks", "approver's task list (" + TASKS + " tasks in the group)",
				CALLS));
		report.append(measure(api, "approver-scjg", "/api/tasks?limit=100", "its first 100 (a desk's page)", CALLS));
		report.append(measure(api, "supervisor", "/api/supervision/stats?" + month + "&by=department",
				"stats by department, " + month.replace('&', ' '), STATS_CALLS));
		// beyond the three: what a supervisor's screen loads (no goal set)
		report.append(measure(api, "supervisor", "/api/supervision/overdue/by-department",
				"everything late per department (the dashboard's counts)", CALLS));
		report.append(measure(api, "supervisor", "/supervision", "the dashboard page", CALLS));
		JsonCheck.overdue(api);
		BenchSupport.writeReport("supervision-mysql.txt", report.toString());
	}

	/** Real open food licences through intake: a tenth accepted five working days ago (their steps are late). */
	private void takeInRealCases() {
		TransactionTemplate batch = new TransactionTemplate(this.transactions);
		Instant late = WorkdayCalendar.endOf(this.calendar.subtractWorkdays(EngineClock.today(), 6)).minusSeconds(12 * 3600);
		for (int i = 0; i < TASKS; i += 100) {
			int from = i;
			if (i < TASKS / 10) {
				ClockUtil.setCurrentTime(Date.from(late));
			}
			try {
				batch.executeWithoutResult(status -> {
					for (int j = from; j < Math.min(from + 100, TASKS); j++) {
						this.intake.accept(BenchSupport.foodLicence("bench-real-" + j), "clerk");
					}
				});
			}
			finally {
				ClockUtil.reset();
			}
		}
	}

	/**
	 * Finished cases over the 23 months up to last month, open ones over the last 30 days (2% of
	 * them past due), a review for every twentieth finished case. Dates use calendar days: the
	 * queries' cost does not depend on the holidays.
	 */
	private void bulk() {
		this.jdbc.execute("CREATE TABLE bench_digit (d INT NOT NULL PRIMARY KEY)");
		this.jdbc.execute("INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
		this.jdbc.execute("CREATE TABLE bench_matter (k INT NOT NULL PRIMARY KEY, code VARCHAR(64) NOT NULL, township VARCHAR(32))");
		this.jdbc.execute("""
				INSERT INTO bench_matter VALUES (0,'SCJG-GTDJ-001','OH-LOUQIAO'),(1,'SCJG-QYDJ-001',NULL),(2,'SCJG-SPJY-001',NULL),
				(3,'WJJ-GGCS-001',NULL),(4,'WJJ-CSZM-001',NULL),(5,'GA-YZBA-001',NULL),(6,'GA-CSDJ-001','OH-XINQIAO'),
				(7,'SWJ-FPLY-001',NULL),(8,'RSJ-CBDJ-001',NULL),(9,'RSJ-SBKSL-001','OH-QUXI'),(10,'YBJ-JMCB-001','OH-ZEYA'),
				(11,'GJJ-JCDJ-001',NULL),(12,'ZRZY-GHXK-001',NULL)""");
		String seq6 = "(SELECT a.d + 10*b.d + 100*c.d + 1000*e.d + 10000*f.d + 100000*%d AS n "
				+ "FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f)";
		LocalDate today = EngineClock.today();
		String firstFinished = today.minusMonths(23).withDayOfMonth(1) + " 01:00:00";
		int finishedDays = (int) java.time.temporal.ChronoUnit.DAYS.between(today.minusMonths(23).withDayOfMonth(1),
				today.withDayOfMonth(1));
		for (int chunk = 0; chunk * 100_000 < FINISHED; chunk++) {
			String seq = String.format(Locale.ROOT, seq6, chunk);
			insertCases(seq, "n < " + FINISHED, "'COMPLETED'", "TIMESTAMP '" + firstFinished + "' + INTERVAL (s.n MOD "
					+ finishedDays + ") DAY + INTERVAL (s.n MOD 540) MINUTE", "INTERVAL (s.n MOD 9) DAY", "f");
		}
		// finished: decided (s.n MOD 9) days after intake, against a limit of the promised working days
		this.jdbc.update("INSERT INTO case_clock (case_no, process_instance_id, started_at, limit_workdays, due_at, "
				+ "yellow_workdays, yellow_at, pause_depth, paused_since, pause_kind, paused_workdays, stopped_at, finished_at, "
				+ "used_workdays) SELECT c.case_no, NULL, c.received_at, m.promised_workdays, "
				+ "c.received_at + INTERVAL (m.promised_workdays * 7 DIV 5 + 1) DAY, 1, "
				+ "c.received_at + INTERVAL (m.promised_workdays * 7 DIV 5) DAY, 0, NULL, NULL, 0, NULL, c.completed_at, "
				+ "TIMESTAMPDIFF(DAY, c.received_at, c.completed_at) * 5 DIV 7 "
				+ "FROM service_case c JOIN matter m ON m.code = c.matter_code WHERE c.request_id LIKE 'bench-f-%'");
		int bulkOpen = OPEN - TASKS;
		String firstOpen = today.minusDays(30) + " 01:00:00";
		for (int chunk = 0; chunk * 100_000 < bulkOpen; chunk++) {
			String seq = String.format(Locale.ROOT, seq6, chunk);
			insertCases(seq, "n < " + bulkOpen, "'IN_PROGRESS'", "TIMESTAMP '" + firstOpen + "' + INTERVAL (s.n MOD 30) DAY "
					+ "+ INTERVAL (s.n MOD 540) MINUTE", null, "o");
		}
		// open: one in fifty past due since yesterday, the others due in 10 to 29 days
		String yesterday = today.minusDays(1) + " 16:00:00";
		String soon = today.plusDays(10) + " 16:00:00";
		this.jdbc.update("INSERT INTO case_clock (case_no, process_instance_id, started_at, limit_workdays, due_at, "
				+ "yellow_workdays, yellow_at, pause_depth, paused_since, pause_kind, paused_workdays, stopped_at, finished_at, "
				+ "used_workdays) SELECT c.case_no, NULL, c.received_at, m.promised_workdays, "
				+ "CASE WHEN CAST(SUBSTRING(c.request_id, 9) AS SIGNED) MOD 50 = 0 THEN TIMESTAMP '" + yesterday + "' "
				+ "ELSE TIMESTAMP '" + soon + "' + INTERVAL (CAST(SUBSTRING(c.request_id, 9) AS SIGNED) MOD 20) DAY END, 1, "
				+ "CASE WHEN CAST(SUBSTRING(c.request_id, 9) AS SIGNED) MOD 50 = 0 THEN TIMESTAMP '" + yesterday + "' - INTERVAL 1 DAY "
				+ "ELSE TIMESTAMP '" + soon + "' + INTERVAL (CAST(SUBSTRING(c.request_id, 9) AS SIGNED) MOD 20) DAY - INTERVAL 1 DAY END, "
				+ "0, NULL, NULL, 0, NULL, NULL, NULL "
				+ "FROM service_case c JOIN matter m ON m.code = c.matter_code WHERE c.request_id LIKE 'bench-o-%'");
		this.jdbc.update("INSERT INTO case_review (case_no, channel, score, review_comment, bad, state, matter_code, "
				+ "department_code, station_code, staff, created_by, created_at, closed_at, case_received_at) "
				+ "SELECT c.case_no, c.channel, 1 + CAST(SUBSTRING(c.request_id, 9) AS SIGNED) DIV 20 MOD 5, NULL, "
				+ "1 + CAST(SUBSTRING(c.request_id, 9) AS SIGNED) DIV 20 MOD 5 <= 2, "
				+ "CASE WHEN 1 + CAST(SUBSTRING(c.request_id, 9) AS SIGNED) DIV 20 MOD 5 <= 2 THEN 'RECTIFIED' ELSE 'NONE' END, "
				+ "c.matter_code, m.department_code, c.station_code, c.accepted_by, 'clerk', c.completed_at, c.completed_at, "
				+ "c.received_at "
				+ "FROM service_case c JOIN matter m ON m.code = c.matter_code "
				+ "WHERE c.request_id LIKE 'bench-f-%' AND CAST(SUBSTRING(c.request_id, 9) AS SIGNED) MOD 20 = 0");
		for (String table : List.of("service_case", "case_clock", "case_review")) {
			this.jdbc.execute("ANALYZE TABLE " + table);
		}
	}

	/** Cases as intake writes them; {@code kind} f (finished) or o (open) in the request id. */
	private void insertCases(String seq, String where, String status, String receivedAt, String completedAfter,
			String kind) {
		this.jdbc.update("INSERT INTO service_case (case_no, request_id, matter_code, status, applicant_type, applicant_name, "
				+ "applicant_id_number, applicant_phone, channel, station_code, priority, commitment, process_instance_id, "
				+ "received_at, accepted_by, completed_at, refusal_reason, handling, refers_to) "
				+ "SELECT CONCAT('330304-B', '" + kind + "', LPAD(s.n, 7, '0')), CONCAT('bench-" + kind + "-', s.n), bm.code, "
				+ status + ", 'PERSON', '张三', '330304199003071234', '13812345678', "
				+ "CASE s.n MOD 10 WHEN 4 THEN 'PC' WHEN 5 THEN 'PC' WHEN 6 THEN 'PC' WHEN 7 THEN 'MOBILE' WHEN 8 THEN 'MOBILE' "
				+ "WHEN 9 THEN 'KIOSK' ELSE 'WINDOW' END, "
				+ "CASE WHEN bm.township IS NOT NULL AND s.n MOD 3 = 0 THEN bm.township ELSE 'OH-CENTRE' END, NULL, FALSE, NULL, "
				+ receivedAt + ", 'clerk', " + (completedAfter == null ? "NULL" : receivedAt + " + " + completedAfter)
				+ ", NULL, 'BACK_OFFICE', NULL "
				+ "FROM " + seq + " s JOIN bench_matter bm ON bm.k = s.n MOD 13 WHERE " + where);
	}

	private long count(String table) {
		Long n = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return n == null ? 0 : n;
	}

	private static String measure(Api api, String user, String path, String label, int calls) {
		for (int i = 0; i < WARMUP_CALLS; i++) {
			assertThat(api.get(user, path).status()).isEqualTo(200);
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			long t = System.nanoTime();
			Api.Response response = api.get(user, path);
			millis.add((System.nanoTime() - t) / 1e6);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
		}
		List<Double> sorted = millis.stream().sorted().toList();
		double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
		return String.format(Locale.ROOT, "%-60s %3d calls  median %8.1f ms   p95 %8.1f ms   max %8.1f ms%n", label, calls,
				BenchSupport.median(millis), p95, sorted.get(sorted.size() - 1));
	}

	/** The answers are real: the list has late items, the task list its 500 most urgent. */
	static final class JsonCheck {

		static void overdue(Api api) {
			assertThat(api.get("supervisor", "/api/supervision/overdue").json().get("red").asLong()).isPositive();
			assertThat(api.get("approver-scjg", "/api/tasks").json().size()).isEqualTo(500);
			// the totals count all 2,400 late cases and the late steps, far past the list's 200
			assertThat(api.get("supervisor", "/api/supervision/overdue/by-department").json().get("red").asLong())
				.isGreaterThan(2_000);
		}

	}

}
