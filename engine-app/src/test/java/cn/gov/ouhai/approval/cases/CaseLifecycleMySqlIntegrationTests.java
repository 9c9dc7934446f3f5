package cn.gov.ouhai.approval.cases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.gov.ouhai.approval.MySqlDatabase;

/** The case REST contract on MySQL (the machine's MariaDB through Connector/J), profile {@code mysql}. */
@Tag("mysql")
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "mysql" })
@DirtiesContext
class CaseLifecycleMySqlIntegrationTests extends CaseLifecycleApiContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		MySqlDatabase.register(registry);
	}

}
