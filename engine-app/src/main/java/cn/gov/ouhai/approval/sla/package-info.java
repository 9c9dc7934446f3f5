/**
 * Time limits (限时办结): the working-day calendar, the case clock with its pauses, the expression
 * bean {@code sla} that diagrams call for due dates and timers, red and yellow lights, escalation.
 */
package cn.gov.ouhai.approval.sla;
