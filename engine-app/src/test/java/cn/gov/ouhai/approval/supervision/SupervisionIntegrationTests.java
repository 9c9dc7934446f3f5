package cn.gov.ouhai.approval.supervision;

import cn.gov.ouhai.approval.PlatformTest;

/** Supervision on the default database, embedded H2. */
@PlatformTest
class SupervisionIntegrationTests extends SupervisionContract {

}
