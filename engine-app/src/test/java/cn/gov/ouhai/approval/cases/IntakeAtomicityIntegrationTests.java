package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Api.Part;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.PlatformTest;
import cn.gov.ouhai.approval.files.SampleFiles;
import cn.gov.ouhai.approval.sla.CaseClocks;

/**
 * Intake is all or nothing: when it fails after the engine has started the case's process (and its
 * file has been stored), the case row, its materials, timeline, clock and file rows and the process
 * with its timers all roll back together; sent again, the same request is taken in whole. The failure
 * is injected where intake last writes, after the process start.
 */
@PlatformTest
class IntakeAtomicityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@MockitoSpyBean
	CaseClocks clocks;

	@AfterEach
	void healed() {
		reset(this.clocks);
	}

	@Test
	void leavesNeitherCaseNorProcessWhenIntakeFailsAfterStartingTheProcess() {
		Api api = new Api(this.port);
		String requestId = "atomic-" + UUID.randomUUID();
		List<Part> parts = List.of(Part.json("application", Applicants.foodLicence(requestId)),
				Part.file("M03", "布局图.png", SampleFiles.png()));
		Map<String, Integer> before = engineAndCaseRows();
		doThrow(new IllegalStateException("injected: intake fails after the process started"))
			.when(this.clocks)
			.linkProcess(anyString(), anyString());

		Api.Response failed = api.postMultipart("clerk", "/api/cases", parts);

		assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
		assertThat(failed.body()).doesNotContain("injected").doesNotContain("\tat ");
		assertThat(count("SELECT COUNT(*) FROM service_case WHERE request_id = ?", requestId)).isZero();
		assertThat(engineAndCaseRows()).as("nothing of the failed intake is left").isEqualTo(before);

		reset(this.clocks);
		Api.Response taken = api.postMultipart("clerk", "/api/cases", parts);
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		String caseNo = taken.json().get("caseNo").asText();
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN service_case c ON c.process_instance_id = "
				+ "j.PROCESS_INSTANCE_ID_ WHERE c.case_no = ? AND j.TYPE_ = 'timer'", caseNo)).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM case_file WHERE case_no = ?", caseNo)).isEqualTo(1);
	}

	/** Row counts of every table an intake writes to. */
	private Map<String, Integer> engineAndCaseRows() {
		return Map.of("service_case", rows("service_case"), "case_material", rows("case_material"), "case_event",
				rows("case_event"), "case_clock", rows("case_clock"), "case_file", rows("case_file"), "ACT_HI_PROCINST",
				rows("ACT_HI_PROCINST"), "ACT_RU_EXECUTION", rows("ACT_RU_EXECUTION"), "ACT_RU_TASK",
				rows("ACT_RU_TASK"), "ACT_RU_JOB", rows("ACT_RU_JOB"), "ACT_RU_VARIABLE", rows("ACT_RU_VARIABLE"));
	}

	private int rows(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private int count(String sql, String parameter) {
		return this.jdbc.queryForObject(sql, Integer.class, parameter);
	}

}
