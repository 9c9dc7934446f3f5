package cn.gov.ouhai.approval.tasks;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the workbench's task operations (转办, 委派, 退回, 征求意见, 抄送, 常用意见). */
final class OperationRequests {

	static final String TEXT = "[\\P{Cntrl}\\r\\n\\t]*";

	static final String NO_CONTROL = "除换行和制表符外不能含控制字符 / no control characters but line breaks and tabs";

	private OperationRequests() {
	}

	/** 转办: {@code to} (or API.md's {@code toUser}) is the colleague who takes the step over. */
	record Transfer(@Size(max = 64, message = "最长 64 个字符 / at most 64 characters") String to,
			@Size(max = 64, message = "最长 64 个字符 / at most 64 characters") String toUser,
			@NotBlank(message = "转办须说明理由 / a reason is required") @Size(max = 500,
					message = "最长 500 个字符 / at most 500 characters") @Pattern(regexp = TEXT,
							message = NO_CONTROL) String reason) {

		String target() {
			return this.to != null && !this.to.isBlank() ? this.to : this.toUser;
		}

	}

	/** 批量转办 by a head: the listed steps, or every step assigned to {@code from}. */
	record BatchTransfer(@Size(max = 500, message = "最多 500 个任务 / at most 500 tasks")
	List<@NotBlank(message = "不能为空 / must not be blank") String> taskIds,
			@Size(max = 64, message = "最长 64 个字符 / at most 64 characters") String from,
			@NotBlank(message = "必填 / required") @Size(max = 64,
					message = "最长 64 个字符 / at most 64 characters") String to,
			@NotBlank(message = "转办须说明理由 / a reason is required") @Size(max = 500,
					message = "最长 500 个字符 / at most 500 characters") @Pattern(regexp = TEXT,
							message = NO_CONTROL) String reason) {
	}

	record Delegate(@NotBlank(message = "必填 / required") @Size(max = 64,
			message = "最长 64 个字符 / at most 64 characters") String to,
			@Size(max = 500, message = "最长 500 个字符 / at most 500 characters") @Pattern(regexp = TEXT,
					message = NO_CONTROL) String reason) {
	}

	record Resolve(@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters") @Pattern(regexp = TEXT,
			message = NO_CONTROL) String opinion) {
	}

	/** 退回: {@code to} is an earlier step the diagram lists in the step's {@code returnTo}. */
	record SendBack(@NotBlank(message = "必填：退回到的环节 / required: the step to send back to") @Size(max = 100,
			message = "最长 100 个字符 / at most 100 characters") String to,
			@NotBlank(message = "退回须说明理由 / a reason is required") @Size(max = 500,
					message = "最长 500 个字符 / at most 500 characters") @Pattern(regexp = TEXT,
							message = NO_CONTROL) String reason) {
	}

	/** 征求意见: another department's {@code dept-…} group answers within {@code workdays}. */
	record Consult(@NotBlank(message = "必填：被征求意见的部门组 / required: the department's group") @Size(max = 64,
			message = "最长 64 个字符 / at most 64 characters") String group,
			@NotBlank(message = "必填 / required") @Size(max = 2000,
					message = "最长 2000 个字符 / at most 2000 characters") @Pattern(regexp = TEXT,
							message = NO_CONTROL) String question,
			@NotNull(message = "必填 / required") @Min(value = 1, message = "至少 1 个工作日 / at least 1 working day")
			@Max(value = 20, message = "最多 20 个工作日 / at most 20 working days") Integer workdays) {
	}

	record Answer(@NotBlank(message = "必填 / required") @Size(max = 2000,
			message = "最长 2000 个字符 / at most 2000 characters") @Pattern(regexp = TEXT,
					message = NO_CONTROL) String opinion) {
	}

	/** 抄送: to people and groups, for information. */
	record Copy(@Size(max = 50, message = "最多 50 人 / at most 50") List<@NotBlank(
			message = "不能为空 / must not be blank") @Size(max = 64) String> users,
			@Size(max = 20, message = "最多 20 个组 / at most 20") List<@NotBlank(
					message = "不能为空 / must not be blank") @Size(max = 64) String> groups,
			@Size(max = 1000, message = "最长 1000 个字符 / at most 1000 characters") @Pattern(regexp = TEXT,
					message = NO_CONTROL) String note) {
	}

	record Phrase(@NotBlank(message = "必填 / required") @Size(max = 500,
			message = "最长 500 个字符 / at most 500 characters") @Pattern(regexp = "[\\P{Cntrl}]*",
					message = "不能含控制字符 / no control characters") String text) {
	}

}
