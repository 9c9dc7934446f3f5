package cn.gov.ouhai.approval.review;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** The good/bad review loop on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class ReviewRectificationMySqlIntegrationTests extends ReviewRectificationContract {

}
