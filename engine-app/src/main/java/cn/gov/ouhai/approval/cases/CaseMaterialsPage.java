package cn.gov.ouhai.approval.cases;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * The materials of a case as a page, linked from every step's form in Tasklist: each material with
 * its files, which open in the browser (images, PDF) or download.
 */
@Controller
class CaseMaterialsPage {

	private final Cases cases;

	private final Catalog catalog;

	private final CaseMaterials materials;

	CaseMaterialsPage(Cases cases, Catalog catalog, CaseMaterials materials) {
		this.cases = cases;
		this.catalog = catalog;
		this.materials = materials;
	}

	@GetMapping("/cases/{caseNo}/materials")
	String page(Authentication auth, @PathVariable String caseNo, Model model) {
		CaseRecord record = this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		CaseMaterials.mayRead(CurrentUser.of(auth), matter);
		model.addAttribute("caseNo", caseNo);
		model.addAttribute("matter", matter);
		model.addAttribute("materials", this.materials.of(record, matter));
		return "cases/materials";
	}

}
