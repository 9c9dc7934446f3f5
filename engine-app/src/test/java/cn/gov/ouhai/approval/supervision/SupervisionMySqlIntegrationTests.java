package cn.gov.ouhai.approval.supervision;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** Supervision on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class SupervisionMySqlIntegrationTests extends SupervisionContract {

}
