package cn.gov.ouhai.approval.tasks;

import cn.gov.ouhai.approval.PlatformTest;

/** The workbench's operations on H2. */
@PlatformTest
class WorkbenchOperationsIntegrationTests extends WorkbenchOperationsContract {

}
