package cn.gov.ouhai.approval.tasks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tasks/{id}/complete}. */
record CompleteRequest(
		@NotNull(message = "必填，取值 APPROVE、DENY 或 RETURN / required: APPROVE, DENY or RETURN") Decision decision,
		@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters")
		@Pattern(regexp = "[\\P{Cntrl}\\r\\n\\t]*",
				message = "除换行和制表符外不能含控制字符 / no control characters but line breaks and tabs") String opinion) {
}
