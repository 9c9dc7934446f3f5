package cn.gov.ouhai.approval.cases;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.catalog.Material;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.files.CaseFiles;
import cn.gov.ouhai.approval.files.StagedUpload;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * Materials handed in after intake (补正, or what 容缺受理 let the applicant bring later). When the
 * last material a supplement notice asked for arrives, the case's process hears
 * {@code SupplementReceived} and its clock runs again.
 */
@Service
public class Supplements {

	static final String SUPPLEMENT_RECEIVED = "SupplementReceived";

	private final CaseMapper mapper;

	private final RuntimeService runtime;

	private final CaseFiles files;

	Supplements(CaseMapper mapper, RuntimeService runtime, CaseFiles files) {
		this.mapper = mapper;
		this.runtime = runtime;
		this.files = files;
	}

	/**
	 * Records the materials and answers those still asked for. {@code originals} are paper originals
	 * the window clerk has seen; the upload's files back their materials.
	 */
	@Transactional
	public List<String> receive(CaseRecord record, Matter matter, List<String> originals, StagedUpload upload,
			String clerk) {
		if (!record.status().open()) {
			throw ApiException.conflict("CASE_CLOSED",
					"办件已办结或未受理，不能补交材料 / The case is not open: " + record.status());
		}
		Set<String> known = new HashSet<>();
		matter.materials().forEach(m -> known.add(m.code()));
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < originals.size(); i++) {
			if (!known.contains(originals.get(i))) {
				fields.put("materials[" + i + "]", "该事项没有这项材料 / not a material of this matter: " + originals.get(i));
			}
		}
		if (originals.isEmpty() && upload.files().isEmpty()) {
			fields.put("materials", "至少一项材料或一个文件 / at least one material or file");
		}
		if (!fields.isEmpty()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "材料有误，未作记录 / Unknown materials; nothing recorded",
					fields);
		}
		Set<String> codes = new LinkedHashSet<>(originals);
		codes.addAll(upload.materialCodes());
		this.mapper.supplyMaterials(record.caseNo(), codes);
		if (!originals.isEmpty()) {
			this.mapper.originalsSeen(record.caseNo(), originals, clerk, EngineClock.now());
		}
		this.files.attach(record.caseNo(), upload, clerk);
		List<String> names = matter.materials().stream().filter(m -> codes.contains(m.code())).map(Material::name).toList();
		List<String> stillMissing = this.mapper.requestedMaterials(record.caseNo());
		this.mapper.insertEvent(record.caseNo(), new CaseEvent(EngineClock.now(), "SUPPLEMENT",
				null, "补交材料", clerk, stillMissing.isEmpty() ? "COMPLETE" : "PARTIAL",
				String.join("、", names) + (stillMissing.isEmpty() ? "" : "；仍缺 " + String.join("、", stillMissing))));
		boolean waiting = record.processInstanceId() != null && this.runtime.createEventSubscriptionQuery()
			.processInstanceId(record.processInstanceId())
			.eventType("message")
			.eventName(SUPPLEMENT_RECEIVED)
			.count() > 0;
		if (stillMissing.isEmpty() && waiting) {
			// a 补正 wait and a 容缺 wait may both be open: everything asked for has come, both end
			this.runtime.createMessageCorrelation(SUPPLEMENT_RECEIVED)
				.processInstanceId(record.processInstanceId())
				.correlateAll();
		}
		return stillMissing;
	}

}
