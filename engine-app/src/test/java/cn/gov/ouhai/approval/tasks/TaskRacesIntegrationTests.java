package cn.gov.ouhai.approval.tasks;

import cn.gov.ouhai.approval.PlatformTest;

/** Races on one task, on H2. */
@PlatformTest
class TaskRacesIntegrationTests extends TaskRacesContract {

}
