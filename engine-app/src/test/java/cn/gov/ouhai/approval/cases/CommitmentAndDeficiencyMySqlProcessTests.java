package cn.gov.ouhai.approval.cases;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** 告知承诺 and 容缺 on the licence diagrams, on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class CommitmentAndDeficiencyMySqlProcessTests extends CommitmentAndDeficiencyContract {

}
