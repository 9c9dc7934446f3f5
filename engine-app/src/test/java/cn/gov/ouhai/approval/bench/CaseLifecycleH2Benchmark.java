package cn.gov.ouhai.approval.bench;

import org.junit.jupiter.api.Tag;

import cn.gov.ouhai.approval.PlatformTest;

/** The lifecycle benchmark on the tests' in-memory H2. Run by {@code scripts/bench} only. */
@Tag("bench")
@PlatformTest
class CaseLifecycleH2Benchmark extends CaseLifecycleBenchmark {

	@Override
	String label() {
		return "H2 (in-memory)";
	}

	@Override
	String reportName() {
		return "lifecycle-h2.txt";
	}

}
