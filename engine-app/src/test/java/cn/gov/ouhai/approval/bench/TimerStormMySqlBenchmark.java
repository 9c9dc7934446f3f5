package cn.gov.ouhai.approval.bench;

import org.junit.jupiter.api.Tag;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/**
 * The timer storm on MySQL (the machine's MariaDB through Connector/J, in a database of its own).
 * Run by {@code scripts/bench} only, in a JVM of its own. Tagged {@code mysql} too (by
 * {@link MySqlPlatformTest}); the MySQL suite leaves out {@code bench}.
 */
@Tag("bench")
@MySqlPlatformTest
class TimerStormMySqlBenchmark extends TimerStormBenchmark {

	@Override
	String label() {
		return "MySQL (MariaDB via Connector/J)";
	}

	@Override
	String reportName() {
		return "storm-mysql.txt";
	}

}
