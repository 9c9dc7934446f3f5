package cn.gov.ouhai.approval.sla;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** The time limits of 食品经营许可 on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class FoodLicenceTimeLimitMySqlProcessTests extends FoodLicenceTimeLimitContract {

}
