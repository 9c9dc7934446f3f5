package cn.gov.ouhai.approval.supervision;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.gov.ouhai.approval.web.NoControlCharacters;

/** The department's side of an urge: its head answers (outside {@code /api/supervision}, which is the supervisors'). */
@RestController
class UrgeAnswerController {

	private final Urges urges;

	UrgeAnswerController(Urges urges) {
		this.urges = urges;
	}

	@PostMapping("/api/urges/{id}/answer")
	SupervisionController.UrgeView answer(Authentication auth, @PathVariable long id, @Valid @RequestBody AnswerBody body) {
		return SupervisionController.UrgeView.of(this.urges.answer(id, body.answer(), CurrentUser.of(auth)),
				this.urges.departmentNames()::get);
	}

	record AnswerBody(@NotBlank(message = "必填：答复内容 / required: the answer")
	@Size(max = 2000, message = "最长 2000 个字符 / at most 2000 characters") @NoControlCharacters String answer) {
	}

}
