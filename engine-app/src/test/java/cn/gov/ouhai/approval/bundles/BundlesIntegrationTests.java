package cn.gov.ouhai.approval.bundles;

import cn.gov.ouhai.approval.PlatformTest;

/** 一件事 end to end on the default database, embedded H2. */
@PlatformTest
class BundlesIntegrationTests extends BundlesContract {

}
