package cn.gov.ouhai.approval.tasks;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task as the approver's list shows it; {@code workdaysLeft} until its due date (1 on the last
 * working day, negative: working days overdue; null without a due date); {@code provisional} when
 * its due date was counted on a year whose official holiday schedule is not loaded yet.
 */
record TaskView(String id, String name, String stepId, String caseNo, String matterCode, String matterName,
		int priority, String assignee, List<String> candidateGroups, OffsetDateTime created, OffsetDateTime dueDate, String light,
		Integer workdaysLeft,
		List<String> decisions, boolean caseStep, boolean provisional) {
}
