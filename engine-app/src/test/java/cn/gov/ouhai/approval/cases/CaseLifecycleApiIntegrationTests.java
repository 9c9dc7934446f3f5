package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.PlatformTest;

/** The case REST contract on the default database, embedded H2. */
@PlatformTest
class CaseLifecycleApiIntegrationTests extends CaseLifecycleApiContract {

}
