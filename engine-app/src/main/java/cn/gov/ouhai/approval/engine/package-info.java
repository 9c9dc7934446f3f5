/**
 * Engine set-up shared by every module: hardening of the Camunda configuration, personal data kept
 * out of history, and reading the extension properties that diagrams carry.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.gov.ouhai.approval.engine;
