package cn.gov.ouhai.approval.bundles;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** 一件事 end to end on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class BundlesMySqlIntegrationTests extends BundlesContract {

}
