package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** The case REST contract on MySQL (the machine's MariaDB through Connector/J), profile {@code mysql}. */
@MySqlPlatformTest
class CaseLifecycleMySqlIntegrationTests extends CaseLifecycleApiContract {

}
