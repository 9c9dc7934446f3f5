/**
 * Notices (通知书) as printable A4 pages: what the applicant gets at intake, with the case number
 * as text and as a QR code. Reads cases, catalog and case clocks; no other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "cases", "catalog", "sla", "security", "web", "clock" })
package cn.gov.ouhai.approval.notices;
