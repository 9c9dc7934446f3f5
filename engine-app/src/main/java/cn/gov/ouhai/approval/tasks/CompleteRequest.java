package cn.gov.ouhai.approval.tasks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tasks/{id}/complete}. */
record CompleteRequest(
		@NotNull(message = "必填，取值 APPROVE、DENY 或 RETURN / required: APPROVE, DENY or RETURN") Decision decision,
		@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters") String opinion) {
}
