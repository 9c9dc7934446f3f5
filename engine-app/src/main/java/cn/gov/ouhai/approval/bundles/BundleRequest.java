package cn.gov.ouhai.approval.bundles;

import java.util.List;
import java.util.Map;

import cn.gov.ouhai.approval.cases.Channel;
import cn.gov.ouhai.approval.cases.IntakeRequest;
import cn.gov.ouhai.approval.cases.PriorityReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/bundles/{code}/cases}: one applicant, one set of materials (the
 * bundle's material codes) and the answers to the bundle's questions.
 */
public record BundleRequest(
		@NotBlank(message = "必填 / required") @Size(max = 64, message = "最长 64 个字符 / at most 64 characters")
		@Pattern(regexp = "[A-Za-z0-9._:-]*", message = "只能含字母、数字和 . _ : - / letters, digits and . _ : - only")
		String requestId,
		@NotNull(message = "必填 / required") @Valid IntakeRequest.Applicant applicant,
		@NotNull(message = "必填，取值 WINDOW、PC、MOBILE、KIOSK / required: WINDOW, PC, MOBILE or KIOSK")
		Channel channel,
		@NotBlank(message = "必填 / required") @Size(max = 32, message = "最长 32 个字符 / at most 32 characters")
		String station,
		@NotNull(message = "必填：情形引导各问题的回答 / required: the answers to the bundle's questions")
		Map<String, Boolean> answers,
		@NotNull(message = "必填，可为空列表 / required, may be empty")
		@Size(max = 100, message = "最多 100 项 / at most 100 items") List<IntakeRequest.@NotNull(message = "不能为空 / must not be null") @Valid MaterialGiven> materials,
		Boolean commitment, PriorityReason priority) {

	boolean committed() {
		return Boolean.TRUE.equals(this.commitment);
	}

}
