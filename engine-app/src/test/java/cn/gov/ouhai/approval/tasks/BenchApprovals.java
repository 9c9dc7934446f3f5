package cn.gov.ouhai.approval.tasks;

import org.springframework.context.ApplicationContext;

import cn.gov.ouhai.approval.security.CurrentUser;

/**
 * Lets the lifecycle benchmark ({@code cn.gov.ouhai.approval.bench}) complete tasks through
 * {@link ApproverTasks}, the service behind {@code POST /api/tasks/{id}/complete}, which is package
 * private.
 */
public final class BenchApprovals {

	private final ApproverTasks tasks;

	public BenchApprovals(ApplicationContext context) {
		this.tasks = context.getBean(ApproverTasks.class);
	}

	/** What {@code POST /api/tasks/{id}/complete} with {@code {"decision":"APPROVE"}} does for the user. */
	public void approve(CurrentUser user, String taskId, String opinion) {
		this.tasks.complete(user, taskId, new CompleteRequest(Decision.APPROVE, opinion));
	}

}
