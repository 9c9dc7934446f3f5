package cn.gov.ouhai.approval.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.gov.ouhai.approval.MySqlDatabase;

/**
 * The lifecycle benchmark on MySQL (the machine's MariaDB through Connector/J, a database of its
 * own). Run by {@code scripts/bench} only, in a JVM of its own: one platform engine per JVM.
 */
@Tag("bench")
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "mysql" })
@DirtiesContext
class CaseLifecycleMySqlBenchmark extends CaseLifecycleBenchmark {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		MySqlDatabase.register(registry);
	}

	@Override
	String label() {
		return "MySQL (MariaDB via Connector/J)";
	}

	@Override
	String reportName() {
		return "lifecycle-mysql.txt";
	}

}
