package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** The same intake several times at once, on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class IntakeRacesMySqlIntegrationTests extends IntakeRacesContract {

}
