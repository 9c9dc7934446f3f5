package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.AtOnce;
import cn.gov.ouhai.approval.Applicants;

/**
 * A hall terminal that retries, or two that share a request id, send the same intake several times at
 * the same instant over real HTTP: exactly one case and one process come of it, one answer is 201 and
 * the others 200 with the same case number, none fails. Repeated, since one race proves little. And
 * the first intakes of a day, arriving at once, each draw a number of their own (on MySQL they once
 * deadlocked opening the day's counter). Subclasses pick the database.
 */
abstract class IntakeRacesContract {

	static final int AT_ONCE = 8;

	static final int ROUNDS = 5;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	ExecutorService pool;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.pool = Executors.newFixedThreadPool(AT_ONCE);
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void takesInOneCaseWhenTheSameRequestArrivesSeveralTimesAtOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String requestId = "same-" + UUID.randomUUID();
			List<Api.Response> answers = atOnce(i -> Applicants.foodLicence(requestId));

			assertThat(answers).as(answers.toString())
				.extracting(Api.Response::status)
				.containsOnly(201, 200)
				.containsOnlyOnce(201);
			assertThat(answers).as("one case number in every answer")
				.extracting(a -> a.json().get("caseNo").asText())
				.containsOnly(answers.get(0).json().get("caseNo").asText());
			String caseNo = answers.get(0).json().get("caseNo").asText();
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case WHERE request_id = ?", Integer.class,
					requestId)).isEqualTo(1);
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", Integer.class, caseNo))
				.as("process instances of " + caseNo)
				.isEqualTo(1);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE case_no = ? AND kind = 'INTAKE'",
					Integer.class, caseNo)).as("intake on the timeline of " + caseNo).isEqualTo(1);
		}
	}

	@Test
	void numbersTheFirstIntakesOfADayArrivingAtOnceOneAfterAnother() throws Exception {
		// a day no intake has drawn a number on yet (the MySQL subclasses start on an empty database)
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-16T02:00:00Z")));
		List<Api.Response> answers = atOnce(i -> Applicants.foodLicence("first-" + i + "-" + UUID.randomUUID()));

		assertThat(answers).as(answers.toString()).extracting(Api.Response::status).containsOnly(201);
		assertThat(answers).extracting(a -> a.json().get("caseNo").asText())
			.doesNotHaveDuplicates()
			.allMatch(caseNo -> caseNo.startsWith("330304-20261116-"));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private List<Api.Response> atOnce(IntFunction<Map<String, Object>> body) throws Exception {
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			Map<String, Object> application = body.apply(i);
			calls.add(() -> this.api.post("clerk", "/api/cases", application));
		}
		return AtOnce.call(this.pool, calls);
	}

}
