package cn.gov.ouhai.approval.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.PlatformTest;

/** The case clock's bookkeeping of pauses, driven directly. */
@PlatformTest
class CaseClockIntegrationTests {

	@Autowired
	CaseClocks clocks;

	@LocalServerPort
	int port;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void countsNestedPausesOnceFromTheOutermost() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T02:00:00Z"))); // Mon 2 Nov
		String caseNo = new Api(this.port).post("clerk", "/api/cases", Applicants.foodLicence("clock-" + System.nanoTime()))
			.json()
			.get("caseNo")
			.asText();
		// 3, 4, 5, 6, 9 Nov
		assertThat(this.clocks.of(caseNo, null).orElseThrow().dueDay()).isEqualTo(LocalDate.of(2026, 11, 9));

		this.clocks.pause(caseNo, PauseKind.SUPPLEMENT, "Task_AwaitSupplement", "等待申请人补正", null, null);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T02:00:00Z")));
		this.clocks.pause(caseNo, PauseKind.SPECIAL_PROCEDURE, "Task_ReviewMaterials", "现场核查", null, null);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-04T02:00:00Z")));
		this.clocks.resume(caseNo); // the inner pause ends: the clock still stands
		assertThat(this.clocks.of(caseNo, null).orElseThrow().paused()).isTrue();
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-05T02:00:00Z")));
		this.clocks.resume(caseNo);

		CaseSla sla = this.clocks.of(caseNo, null).orElseThrow();
		assertThat(sla.paused()).isFalse();
		assertThat(sla.pausedWorkdays()).isEqualTo(3); // 3, 4, 5 Nov, counted once
		assertThat(sla.dueDay()).isEqualTo(LocalDate.of(2026, 11, 12));
	}

}
