package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.PlatformTest;

/** Intake outcomes and routing on the default database, embedded H2. */
@PlatformTest
class IntakeOutcomesIntegrationTests extends IntakeOutcomesContract {

}
