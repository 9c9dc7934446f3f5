/**
 * Approvers' tasks (审批任务): the task list of a user's departments, most urgent first, and the
 * step actions of API.md (claim, complete with a decision and an opinion).
 */
package cn.gov.ouhai.approval.tasks;
