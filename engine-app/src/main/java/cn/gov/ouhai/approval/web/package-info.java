/**
 * Shared web conventions: the error body of API.md and the exceptions that map to it.
 * Every module may use it; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.gov.ouhai.approval.web;
