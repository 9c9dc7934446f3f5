/**
 * The bell (通知): what the Notifier recorded for a user or the user's groups (new task transferred,
 * delegated or sent back, yellow and red lights, urges, opinions asked and answered, copies), with
 * each user's own read marks.
 */
package cn.gov.ouhai.approval.notifications;
