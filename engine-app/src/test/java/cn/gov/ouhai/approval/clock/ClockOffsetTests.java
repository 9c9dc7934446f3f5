package cn.gov.ouhai.approval.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClockOffsetTests {

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void runsTheEngineClockAheadAndKeepsItTicking() throws InterruptedException {
		new ClockOffset(Duration.ofDays(8)).apply();
		Instant first = EngineClock.now();
		assertThat(Duration.between(Instant.now(), first)).isBetween(Duration.ofDays(8).minusSeconds(5),
				Duration.ofDays(8).plusSeconds(5));
		Thread.sleep(20);
		assertThat(EngineClock.now()).isAfter(first);
	}

	@Test
	void noOffsetLeavesTheClockAlone() {
		new ClockOffset(Duration.ZERO).apply();
		assertThat(Duration.between(Instant.now(), EngineClock.now()).abs()).isLessThan(Duration.ofSeconds(5));
	}

}
