package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** Intake outcomes and routing on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class IntakeOutcomesMySqlIntegrationTests extends IntakeOutcomesContract {

}
