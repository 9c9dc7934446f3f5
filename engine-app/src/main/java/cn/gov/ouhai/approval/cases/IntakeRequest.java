package cn.gov.ouhai.approval.cases;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/cases}. */
public record IntakeRequest(
		@NotBlank(message = "必填 / required") @Size(max = 64, message = "最长 64 个字符 / at most 64 characters")
		@Pattern(regexp = "[A-Za-z0-9._:-]*", message = "只能含字母、数字和 . _ : - / letters, digits and . _ : - only")
		String requestId,
		@NotBlank(message = "必填 / required") @Size(max = 64, message = "最长 64 个字符 / at most 64 characters")
		String matterCode,
		@NotNull(message = "必填 / required") @Valid Applicant applicant,
		@NotNull(message = "必填，取值 WINDOW、PC、MOBILE、KIOSK / required: WINDOW, PC, MOBILE or KIOSK")
		Channel channel,
		@NotBlank(message = "必填 / required") @Size(max = 32, message = "最长 32 个字符 / at most 32 characters")
		String station,
		@NotNull(message = "必填，可为空列表 / required, may be empty")
		@Size(max = 100, message = "最多 100 项 / at most 100 items") List<@NotNull(message = "不能为空 / must not be null") @Valid MaterialGiven> materials,
		Boolean commitment, PriorityReason priority) {

	public record Applicant(@NotNull(message = "必填，取值 PERSON 或 ORG / required: PERSON or ORG") ApplicantType type,
			@NotBlank(message = "必填 / required") @Size(max = 100, message = "最长 100 个字符 / at most 100 characters")
			@Pattern(regexp = "[^\\p{Cntrl}]*", message = "不能含控制字符 / must not contain control characters")
			String name,
			@NotBlank(message = "必填 / required") @Size(max = 32, message = "最长 32 个字符 / at most 32 characters")
			String idNumber,
			@Pattern(regexp = "1\\d{10}|0\\d{2,3}-?\\d{7,8}",
					message = "手机号或座机号格式不对 / not a valid mobile or landline number") String phone) {
	}

	public record MaterialGiven(
			@NotBlank(message = "必填 / required") @Size(max = 32, message = "最长 32 个字符 / at most 32 characters")
			String code,
			boolean provided) {
	}

	boolean committed() {
		return Boolean.TRUE.equals(this.commitment);
	}

}
