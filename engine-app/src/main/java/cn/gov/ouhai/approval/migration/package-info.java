/**
 * Moving running cases to a new version of their process (Camunda's process instance migration),
 * planned and run by analysts: instances whose waiting steps exist in the new version move; the
 * others stay and are reported with the reason. Due dates and the case clock stay as they were.
 */
package cn.gov.ouhai.approval.migration;
