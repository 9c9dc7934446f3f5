package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.PlatformTest;

/** 告知承诺 and 容缺 on the licence diagrams, on the default database, embedded H2. */
@PlatformTest
class CommitmentAndDeficiencyProcessTests extends CommitmentAndDeficiencyContract {

}
