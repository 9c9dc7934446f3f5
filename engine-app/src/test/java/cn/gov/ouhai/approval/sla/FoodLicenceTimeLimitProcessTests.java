package cn.gov.ouhai.approval.sla;

import cn.gov.ouhai.approval.PlatformTest;

/** The time limits of 食品经营许可 on the default database, embedded H2. */
@PlatformTest
class FoodLicenceTimeLimitProcessTests extends FoodLicenceTimeLimitContract {

}
