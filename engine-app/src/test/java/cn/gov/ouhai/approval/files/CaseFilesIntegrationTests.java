package cn.gov.ouhai.approval.files;

import cn.gov.ouhai.approval.PlatformTest;

/** Materials as files on H2. */
@PlatformTest
class CaseFilesIntegrationTests extends CaseFilesContract {

}
