package cn.gov.ouhai.approval.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.gov.ouhai.approval.web.NoControlCharacters;

/** The body of {@code POST /api/cases/{caseNo}/reviews}. */
public record ReviewRequest(
		@NotNull(message = "必填，1 至 5 / required: 1 to 5") @Min(value = 1, message = "1 至 5 / 1 to 5")
		@Max(value = 5, message = "1 至 5 / 1 to 5") Integer score,
		@Size(max = 1000, message = "最长 1000 个字符 / at most 1000 characters") @NoControlCharacters String comment,
		@NotNull(message = "必填，取值 WINDOW、PC、MOBILE、KIOSK / required: WINDOW, PC, MOBILE or KIOSK")
		ReviewChannel channel) {

	/** Where the review was given: the window's rating device, online (PC, mobile) or a kiosk. */
	public enum ReviewChannel {

		WINDOW, PC, MOBILE, KIOSK

	}

}
