package cn.gov.ouhai.approval.files;

import cn.gov.ouhai.approval.MySqlPlatformTest;

/** Materials as files on MySQL (the machine's MariaDB through Connector/J). */
@MySqlPlatformTest
class CaseFilesMySqlIntegrationTests extends CaseFilesContract {

}
