package cn.gov.ouhai.approval.tasks;

import java.time.Instant;

/**
 * An open task as the lists need it, read straight from the engine's table with its process's
 * business key (the case number, for every process the platform starts).
 */
record OpenTask(String id, String name, String stepId, String processDefinitionId, String processInstanceId,
		String caseNo, int priority, String assignee, Instant created, Instant due) {
}
