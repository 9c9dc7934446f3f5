/**
 * 审批工作台: the staff front-end served at {@code /workbench} (built from {@code src/main/frontend}
 * by Maven) and the few reads it needs beyond the API: who is logged in, a step's deployed form with
 * its values, a deployed diagram.
 */
package cn.gov.ouhai.approval.workbench;
