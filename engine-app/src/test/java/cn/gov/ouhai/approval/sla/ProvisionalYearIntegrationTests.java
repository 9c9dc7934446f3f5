package cn.gov.ouhai.approval.sla;

import cn.gov.ouhai.approval.PlatformTest;

/** The provisional year and its official schedule on H2. */
@PlatformTest
class ProvisionalYearIntegrationTests extends ProvisionalYearContract {

}
