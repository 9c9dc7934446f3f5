package cn.gov.ouhai.approval.bundles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.Supplements;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.files.StagedUpload;

/**
 * Materials handed in later for a bundle (the ones 容缺 let the applicant owe), paper originals
 * seen at the window, given once: the
 * bundle's case records them, and every open matter that uses them receives its own materials
 * through the platform's supplements, which let its certificate go once nothing is owed.
 */
@Service
class BundleSupplements {

	private final Supplements supplements;

	private final Cases cases;

	private final Catalog catalog;

	BundleSupplements(Supplements supplements, Cases cases, Catalog catalog) {
		this.supplements = supplements;
		this.cases = cases;
		this.catalog = catalog;
	}

	/** All or nothing: an unknown code records nothing anywhere. */
	@Transactional
	Answer receive(Bundle bundle, CaseRecord bundleCase, List<String> codes, String clerk) {
		List<String> stillMissing = this.supplements.receive(bundleCase, bundle.matter(), codes, StagedUpload.none(), clerk);
		Map<String, List<String>> matters = new LinkedHashMap<>();
		for (CaseRecord child : this.cases.children(bundleCase.caseNo())) {
			List<String> own = new ArrayList<>();
			bundle.uses()
				.stream()
				.filter(use -> use.matterCode().equals(child.matterCode()) && codes.contains(use.bundleMaterialCode()))
				.forEach(use -> own.add(use.materialCode()));
			if (!own.isEmpty() && child.status().open()) {
				matters.put(child.caseNo(), this.supplements.receive(child,
						this.catalog.matter(child.matterCode()).orElseThrow(), own, StagedUpload.none(), clerk));
			}
		}
		return new Answer(bundleCase.caseNo(), stillMissing, matters);
	}

	/** What is still owed: for the bundle (its material codes) and for each matter that received some. */
	record Answer(String caseNo, List<String> stillMissing, Map<String, List<String>> matters) {
	}

}
