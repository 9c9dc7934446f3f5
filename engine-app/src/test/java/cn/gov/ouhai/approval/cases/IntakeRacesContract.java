package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;

/**
 * A hall terminal that retries, or two that share a request id, send the same intake several times at
 * the same instant over real HTTP: exactly one case and one process come of it, one answer is 201 and
 * the others 200 with the same case number, none fails. Repeated, since one race proves little.
 * Subclasses pick the database.
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
			List<Api.Response> answers = atOnce(requestId);

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

	private List<Api.Response> atOnce(String requestId) throws Exception {
		CountDownLatch ready = new CountDownLatch(AT_ONCE);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Api.Response>> futures = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			futures.add(this.pool.submit(() -> {
				ready.countDown();
				go.await();
				return this.api.post("clerk", "/api/cases", Applicants.foodLicence(requestId));
			}));
		}
		ready.await();
		go.countDown();
		List<Api.Response> answers = new ArrayList<>();
		for (Future<Api.Response> future : futures) {
			answers.add(future.get());
		}
		return answers;
	}

}
