package cn.gov.ouhai.approval.notices;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.Intake;
import cn.gov.ouhai.approval.cases.IntakeNotice;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * {@code GET /cases/{caseNo}/notices/{kind}}: the notice the applicant got at intake as one
 * printable A4 page. Seen by whoever may see the case; errors answer the API's JSON error body.
 */
@Controller
class NoticeController {

	private final Cases cases;

	private final Intake intake;

	private final Catalog catalog;

	private final NoticePages pages;

	NoticeController(Cases cases, Intake intake, Catalog catalog, NoticePages pages) {
		this.cases = cases;
		this.intake = intake;
		this.catalog = catalog;
		this.pages = pages;
	}

	@GetMapping("/cases/{caseNo}/notices/{kind}")
	String notice(Authentication auth, @PathVariable String caseNo, @PathVariable String kind, Model model) {
		CaseRecord record = this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		CurrentUser user = CurrentUser.of(auth);
		if (!user.seesAllDepartments() && !user.departments().contains(matter.department().code())) {
			throw ApiException.forbidden("该办件不属于您的部门 / This case belongs to another department");
		}
		IntakeNotice notice = this.intake.noticeOf(record);
		NoticeKind wanted = NoticeKind.ofPath(kind).orElse(null);
		if (wanted == null || NoticeKind.of(notice).orElse(null) != wanted) {
			throw ApiException.notFound("NOTICE_NOT_FOUND",
					"该办件没有这种通知书 / This case has no notice of kind " + kind);
		}
		model.addAttribute("page", this.pages.page(record, matter, notice, wanted));
		return "notices/notice";
	}

}
