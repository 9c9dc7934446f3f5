package cn.gov.ouhai.approval.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.gov.ouhai.approval.web.NoControlCharacters;

/** Bodies of the rectification steps' endpoints. */
final class RectificationRequests {

	private RectificationRequests() {
	}

	/** 联系申请人核实: rectify (simple or complex) or appeal (申诉复核) a mistaken or malicious review. */
	record Contact(@NotNull(message = "必填 / required") Boolean appeal, Boolean complex,
			@NotBlank(message = "必填：联系情况 / required: what the contact found")
			@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters") @NoControlCharacters String opinion) {
	}

	/** 整改并答复. */
	record Answer(@NotBlank(message = "必填：整改答复 / required: the answer to the applicant")
	@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters") @NoControlCharacters String answer) {
	}

	/** 复核差评申诉: upheld voids the review. */
	record AppealDecision(@NotNull(message = "必填 / required") Boolean upheld,
			@NotBlank(message = "必填：复核意见 / required: the opinion")
			@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters") @NoControlCharacters String opinion) {
	}

	/** The applicant's rating of the fix, 1 to 5. */
	record Rating(@NotNull(message = "必填，1 至 5 / required: 1 to 5") @Min(value = 1, message = "1 至 5 / 1 to 5")
	@Max(value = 5, message = "1 至 5 / 1 to 5") Integer score,
			@Size(max = 1000, message = "最长 1000 个字符 / at most 1000 characters") @NoControlCharacters String comment) {
	}

}
