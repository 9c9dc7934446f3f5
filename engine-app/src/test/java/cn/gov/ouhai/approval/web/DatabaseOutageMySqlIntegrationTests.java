package cn.gov.ouhai.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.OwnMariaDbServer;

/**
 * The database goes away under a running platform and comes back: a MariaDB of the test's own
 * (never the machine's shared server) is killed with SIGKILL and started again on the same data
 * directory and port. While it is away the API answers 503 {@code DATABASE_UNAVAILABLE} with a
 * message in Chinese and English (never a 500 or a stack trace) and health is DOWN; once it is back
 * the platform serves again without a restart, and the job executor (on, as in production) fires
 * the timers that fell due in the meantime.
 */
@Tag("mysql")
@ExtendWith(OwnMariaDbServer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({ "demo", "test", "mysql" })
@DirtiesContext
class DatabaseOutageMySqlIntegrationTests {

	/** The review step's three timers (yellow, overdue, a day overdue) are due well within this. */
	static final Duration TIME_PASSED_DURING_OUTAGE = Duration.ofDays(10);

	static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

	/** The job executor waits up to max-wait (60 s) between acquisitions once it found nothing to do. */
	static final Duration TIMERS_LIMIT = Duration.ofSeconds(150);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		OwnMariaDbServer.register(registry);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
		Api api = new Api(this.port);
		assertThat(api.get("clerk", "/api/cases").status()).isEqualTo(200);
		Api.Response taken = api.post("clerk", "/api/cases", Applicants.foodLicence("outage-" + UUID.randomUUID()));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		String caseNo = taken.json().get("caseNo").asText();
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN service_case c ON c.process_instance_id = j.PROCESS_INSTANCE_ID_"
				+ " WHERE c.case_no = ? AND j.TYPE_ = 'timer'", caseNo)).as("review timers of " + caseNo).isEqualTo(3);

		ListAppender<ILoggingEvent> log = new ListAppender<>();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		log.start();
		root.addAppender(log);
		try {
			OwnMariaDbServer.kill();
			Instant down = Instant.now();
			// the case's timers fall due while the database is away
			ClockUtil.offset(TIME_PASSED_DURING_OUTAGE.toMillis());

			List<Api.Response> whileDown = new ArrayList<>();
			whileDown.add(timed(() -> api.get("clerk", "/api/cases")));
			whileDown.add(timed(() -> api.get("clerk", "/api/cases/" + caseNo)));
			whileDown.add(timed(() -> api.post("clerk", "/api/cases", Applicants.foodLicence("outage-" + UUID.randomUUID()))));
			whileDown.add(timed(() -> api.get("approver-scjg", "/api/tasks")));
			for (Api.Response answer : whileDown) {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
				assertThat(answer.json().get("error").asText()).isEqualTo("DATABASE_UNAVAILABLE");
				assertThat(answer.json().get("message").asText()).contains("数据库暂时无法连接").contains("database cannot be reached");
				assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
			}
			Api.Response health = timed(() -> api.get(null, "/actuator/health"));
			assertThat(health.status()).as(health.toString()).isEqualTo(503);
			assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
			System.err.println("[outage] while down: " + whileDown.stream().map(a -> a.status() + "").toList()
					+ ", health " + health.status());

			OwnMariaDbServer.start();
			Instant back = Instant.now();
			System.err.println("[outage] database away for " + Duration.between(down, back).toMillis() + " ms");
			Api.Response recovered = poll(() -> api.get("clerk", "/api/cases"), r -> r.status() == 200, RECOVERY_LIMIT);
			System.err.println("[outage] API answers 200 again " + Duration.between(back, Instant.now()).toMillis()
					+ " ms after the database returned");
			assertThat(recovered.status()).isEqualTo(200);
			Api.Response up = poll(() -> api.get(null, "/actuator/health"), r -> r.status() == 200, RECOVERY_LIMIT);
			assertThat(up.json().get("status").asText()).isEqualTo("UP");
			Api.Response after = api.post("clerk", "/api/cases", Applicants.foodLicence("outage-" + UUID.randomUUID()));
			assertThat(after.status()).as(after.toString()).isEqualTo(201);

			Instant waiting = Instant.now();
			List<String> fired = poll(() -> escalations(caseNo), e -> e.size() == 3, TIMERS_LIMIT);
			System.err.println("[outage] the 3 timers due during the outage fired "
					+ Duration.between(waiting, Instant.now()).toMillis() + " ms after recovery: " + fired);
			assertThat(fired).containsExactlyInAnyOrder("YELLOW", "RED", "RED_ESCALATED");
			assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE 1 = ?", 1)).as("incidents").isZero();
		}
		finally {
			root.detachAppender(log);
		}
		long stackTraces = log.list.stream().filter(e -> e.getThrowableProxy() != null).count();
		long errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).count();
		System.err.println("[outage] log lines during the outage: " + log.list.size() + ", errors " + errors
				+ ", with stack traces " + stackTraces);
		log.list.stream()
			.filter(e -> e.getThrowableProxy() != null)
			.forEach(e -> System.err.println("[outage]   " + e.getLoggerName() + ": " + e.getFormattedMessage()));
		// the job executor backs off while it cannot reach the database: a few traces, not a flood
		assertThat(stackTraces).as("log events with a stack trace during the outage").isLessThanOrEqualTo(10);
	}

	private static Api.Response timed(Supplier<Api.Response> call) {
		Instant start = Instant.now();
		Api.Response answer = call.get();
		long ms = Duration.between(start, Instant.now()).toMillis();
		System.err.println("[outage]   " + answer.status() + " in " + ms + " ms: " + answer.body());
		assertThat(ms).as("a request fails fast while the database is away").isLessThan(15_000);
		return answer;
	}

	private static <T> T poll(Supplier<T> probe, java.util.function.Predicate<T> done, Duration limit)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		T last = probe.get();
		while (!done.test(last) && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			last = probe.get();
		}
		return last;
	}

	private static List<String> escalations(String caseNo) {
		List<String> kinds = new ArrayList<>();
		try (Connection connection = OwnMariaDbServer.connect(OwnMariaDbServer.DATABASE);
				PreparedStatement query = connection
					.prepareStatement("SELECT decision FROM case_event WHERE case_no = ? AND kind = 'ESCALATION'")) {
			query.setString(1, caseNo);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					kinds.add(rows.getString(1));
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return kinds;
	}

	private static int count(String sql, Object parameter) throws SQLException {
		try (Connection connection = OwnMariaDbServer.connect(OwnMariaDbServer.DATABASE);
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setObject(1, parameter);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
