package cn.gov.ouhai.approval.tasks;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** The workbench's operations on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class WorkbenchOperationsMySqlIntegrationTests extends WorkbenchOperationsContract {

}
