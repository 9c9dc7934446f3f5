package cn.gov.ouhai.approval.tasks;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** Races on one task, on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class TaskRacesMySqlIntegrationTests extends TaskRacesContract {

}
