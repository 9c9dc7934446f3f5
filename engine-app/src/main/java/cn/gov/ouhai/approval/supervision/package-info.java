/**
 * Supervision (督查): the red and yellow list, statistics against the district plan's targets, urges
 * (督办, {@code Process_CaseUrge}) and the dashboard at {@code /supervision}. Supervisors read
 * everything and change nothing but urges.
 */
package cn.gov.ouhai.approval.supervision;
