package cn.gov.ouhai.approval.bench;

import org.junit.jupiter.api.Tag;

import cn.gov.ouhai.approval.PlatformTest;

/** The timer storm on the tests' in-memory H2. Run by {@code scripts/bench} only. */
@Tag("bench")
@PlatformTest
class TimerStormH2Benchmark extends TimerStormBenchmark {

	@Override
	String label() {
		return "H2 (in-memory)";
	}

	@Override
	String reportName() {
		return "storm-h2.txt";
	}

}
