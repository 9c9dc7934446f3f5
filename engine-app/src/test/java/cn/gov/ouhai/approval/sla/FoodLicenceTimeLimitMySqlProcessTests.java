package cn.gov.ouhai.approval.sla;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.gov.ouhai.approval.MySqlDatabase;

/** The time limits of 食品经营许可 on MySQL (the machine's MariaDB through Connector/J). */
@Tag("mysql")
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "mysql" })
@DirtiesContext
class FoodLicenceTimeLimitMySqlProcessTests extends FoodLicenceTimeLimitContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		MySqlDatabase.register(registry);
	}

}
