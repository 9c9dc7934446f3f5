/**
 * Cases (办件): intake (受理 and the one-time notice), case numbers, status and the timeline.
 * Personal data of applicants lives in this module's tables only, never in process variables.
 */
package cn.gov.ouhai.approval.cases;
