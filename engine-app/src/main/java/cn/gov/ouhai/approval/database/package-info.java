/**
 * Shared: how the platform's mappers turn rows into objects (MyBatis set-up). Every module's mappers
 * use it without knowing; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.gov.ouhai.approval.database;
