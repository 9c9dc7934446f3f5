package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.PlatformTest;

/** The same intake several times at once, on H2. */
@PlatformTest
class IntakeRacesIntegrationTests extends IntakeRacesContract {

}
