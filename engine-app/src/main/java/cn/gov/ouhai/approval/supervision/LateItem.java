package cn.gov.ouhai.approval.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One line of the red and yellow list: a case whose clock is red or yellow, or a step (a task of the
 * case's process, its rectification or an urge) whose own limit is. {@code workdaysLate} counts the
 * working days past the due day (0 while yellow or late on the due day itself); the limit ends at
 * 24:00 of {@code dueDay}. {@code assignee} is the login or the groups offered the step (ids),
 * {@code assigneeName} the same with the groups' names.
 */
record LateItem(String kind, String caseNo, String matterCode, String matterName, String department,
		String departmentName, String station, String stationName, String applicant, String stepId, String step,
		String assignee, String assigneeName, OffsetDateTime dueDate, LocalDate dueDay, String light, int workdaysLeft, int workdaysLate, boolean paused) {
}
