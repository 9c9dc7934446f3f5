package cn.gov.ouhai.approval.sla;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** The provisional year and its official schedule on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class ProvisionalYearMySqlIntegrationTests extends ProvisionalYearContract {

}
