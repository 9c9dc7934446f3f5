package cn.gov.ouhai.approval.review;

import cn.gov.ouhai.approval.PlatformTest;

/** The good/bad review loop on the default database, embedded H2. */
@PlatformTest
class ReviewRectificationIntegrationTests extends ReviewRectificationContract {

}
