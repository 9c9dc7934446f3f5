package cn.gov.ouhai.approval.bundles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.gov.ouhai.approval.bundles.BundleMapper.MaterialUse;
import cn.gov.ouhai.approval.catalog.Material;
import cn.gov.ouhai.approval.catalog.Matter;

/**
 * A bundle (一件事): its own catalog entry (name, limits, stations, the shared materials, its
 * process), the matters it may need, the questionnaire that picks them, and which shared material
 * each matter's material comes from.
 */
record Bundle(Matter matter, String questionnaireDecision, String questionnaireForm, List<Matter> matters,
		List<MaterialUse> uses) {

	String code() {
		return this.matter.code();
	}

	/** The bundle's materials the given matters need, in the bundle's order. */
	List<Material> materialsFor(List<Matter> chosen) {
		Set<String> needed = new LinkedHashSet<>();
		for (MaterialUse use : this.uses) {
			if (use.bundleMaterialCode() != null && chosen.stream().anyMatch(m -> m.code().equals(use.matterCode()))) {
				needed.add(use.bundleMaterialCode());
			}
		}
		return this.matter.materials().stream().filter(m -> needed.contains(m.code())).toList();
	}

	/**
	 * Whether a matter's material is at hand: given once for the bundle, or a result another matter
	 * of the bundle produces and the departments share (no bundle material behind it).
	 */
	boolean provides(Matter matter, Material material, Set<String> given) {
		for (MaterialUse use : this.uses) {
			if (use.matterCode().equals(matter.code()) && use.materialCode().equals(material.code())) {
				return use.bundleMaterialCode() == null || given.contains(use.bundleMaterialCode());
			}
		}
		return false;
	}

	/** The matters whose materials a bundle material feeds. */
	List<String> mattersUsing(String bundleMaterialCode) {
		List<String> codes = new ArrayList<>();
		for (MaterialUse use : this.uses) {
			if (bundleMaterialCode.equals(use.bundleMaterialCode()) && !codes.contains(use.matterCode())) {
				codes.add(use.matterCode());
			}
		}
		return codes;
	}

	/** The bundle's catalog entry with only the given materials: what its case records. */
	Matter withMaterials(List<Material> materials) {
		Matter m = this.matter;
		return new Matter(m.code(), m.name(), m.department(), m.kind(), m.statutoryWorkdays(), m.promisedWorkdays(),
				m.commitmentAllowed(), m.processKey(), m.applicantTypes(), m.exceptionNote(), m.proxyReceived(),
				m.livelihood(), materials, m.stations(), m.decidingStations());
	}

}
