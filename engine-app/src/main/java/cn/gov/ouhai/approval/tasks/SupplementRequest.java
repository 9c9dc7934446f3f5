package cn.gov.ouhai.approval.tasks;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tasks/{id}/request-supplement}: what the applicant must hand in, and by when. */
record SupplementRequest(
		@NotEmpty(message = "至少一项材料 / at least one material") @Size(max = 100, message = "最多 100 项 / at most 100")
		List<@NotBlank(message = "不能为空 / must not be blank") String> materials,
		@Min(value = 1, message = "至少 1 个工作日 / at least 1 working day")
		@Max(value = 60, message = "最多 60 个工作日 / at most 60 working days") Integer workdays,
		@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters")
		@Pattern(regexp = "[\\P{Cntrl}\\r\\n\\t]*",
				message = "除换行和制表符外不能含控制字符 / no control characters but line breaks and tabs") String opinion) {

	/** Default supplement period (RULES.md: 5 working days). */
	static final int DEFAULT_WORKDAYS = 5;

	int workdaysOrDefault() {
		return this.workdays == null ? DEFAULT_WORKDAYS : this.workdays;
	}

}
