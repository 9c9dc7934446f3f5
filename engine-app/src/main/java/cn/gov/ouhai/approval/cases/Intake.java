package cn.gov.ouhai.approval.cases;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Material;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * Intake (受理): checks an application against its matter, gives it a case number and, when the
 * materials allow, starts the matter's process, all in one transaction, so an answered intake
 * always has both its case row and its process, and a failed one has neither.
 */
@Service
public class Intake {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final Catalog catalog;

	private final CaseMapper mapper;

	private final CaseNumbers numbers;

	private final RuntimeService runtime;

	private final CaseClocks clocks;

	Intake(Catalog catalog, CaseMapper mapper, CaseNumbers numbers, RuntimeService runtime, CaseClocks clocks) {
		this.catalog = catalog;
		this.mapper = mapper;
		this.numbers = numbers;
		this.runtime = runtime;
		this.clocks = clocks;
	}

	/** Accepts an application through the API, starting the matter's process when accepted. */
	@Transactional
	public IntakeOutcome accept(IntakeRequest request, String clerk) {
		CaseRecord existing = this.mapper.findByRequest(request.requestId());
		if (existing != null) {
			return new IntakeOutcome(existing, false, noticeOf(existing));
		}
		Matter matter = this.catalog.matter(request.matterCode())
			.orElseThrow(() -> ApiException.notFound("MATTER_NOT_FOUND",
					"没有这个事项 / No such matter: " + request.matterCode()));
		Decision decision = decide(request, matter);
		CaseRecord record = register(request, matter, decision, clerk);
		if (decision.status().open()) {
			this.clocks.start(record.caseNo(), record.receivedAt(), matter.promisedWorkdays());
			ProcessInstance instance = this.runtime.createProcessInstanceByKey(matter.processKey())
				.businessKey(record.caseNo())
				.setVariables(CaseVariables.of(record.caseNo(), matter.code()))
				.execute();
			this.mapper.linkProcess(record.caseNo(), instance.getId());
			this.clocks.linkProcess(record.caseNo(), instance.getId());
		}
		log.info("intake {} {} matter={} by {} status={}", record.caseNo(), record.requestId(), matter.code(), clerk,
				record.status());
		return new IntakeOutcome(this.mapper.find(record.caseNo()), true, decision.notice());
	}

	/**
	 * Registers the case of a process started from a Tasklist start form (the process already runs,
	 * inside this transaction). A missing main material cannot be noticed from there: the clerk is
	 * told to issue the one-time notice through intake instead.
	 */
	@Transactional
	public CaseRecord acceptStarted(IntakeRequest request, Matter matter, String clerk, String processInstanceId) {
		Decision decision = decide(request, matter);
		if (!decision.status().open()) {
			throw ApiException.badRequest("MATERIALS_MISSING",
					"主要材料不齐，不能受理，请出具一次性告知书 / Main materials missing, issue a one-time notice instead: "
							+ decision.notice().missing().stream().map(Material::name).toList(),
					Map.of("materials", "缺少主要材料 / main materials missing"));
		}
		CaseRecord record = register(request, matter, decision, clerk);
		this.mapper.linkProcess(record.caseNo(), processInstanceId);
		this.clocks.start(record.caseNo(), record.receivedAt(), matter.promisedWorkdays());
		this.clocks.linkProcess(record.caseNo(), processInstanceId);
		log.info("intake {} from start form matter={} by {} status={}", record.caseNo(), matter.code(), clerk,
				record.status());
		return this.mapper.find(record.caseNo());
	}

	/** The notice a case got at intake, rebuilt from its recorded materials. */
	IntakeNotice noticeOf(CaseRecord record) {
		if (record.status() != CaseStatus.NOTICE_ISSUED && record.status() != CaseStatus.ACCEPTED_WITH_DEFICIENCY) {
			return null;
		}
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		Set<String> provided = new HashSet<>(this.mapper.providedMaterials(record.caseNo()));
		List<Material> missing = matter.materials().stream().filter(m -> !provided.contains(m.code())).toList();
		return record.status() == CaseStatus.NOTICE_ISSUED ? IntakeNotice.oneTime(matter.name(), missing)
				: IntakeNotice.deficiency(matter.name(), missing);
	}

	private CaseRecord register(IntakeRequest request, Matter matter, Decision decision, String clerk) {
		String caseNo = this.numbers.next(EngineClock.today());
		var applicant = request.applicant();
		CaseRecord record = new CaseRecord(caseNo, request.requestId(), matter.code(), decision.status(),
				applicant.type(), applicant.name().trim(), applicant.idNumber().trim().toUpperCase(),
				blankToNull(applicant.phone()), request.channel(), request.station(), request.priority(),
				request.committed(), null, EngineClock.now(), clerk, null);
		this.mapper.insert(record);
		Set<String> provided = decision.provided();
		for (Material material : matter.materials()) {
			this.mapper.insertMaterial(caseNo, material.code(), provided.contains(material.code()));
		}
		String step = switch (decision.status()) {
			case NOTICE_ISSUED -> "出具一次性告知书";
			case ACCEPTED_WITH_DEFICIENCY -> "容缺受理";
			default -> "受理申请";
		};
		this.mapper.insertEvent(caseNo,
				new CaseEvent(record.receivedAt(), "INTAKE", null, step, clerk, decision.status().name(), null));
		return record;
	}

	/** Validates what Bean Validation cannot and decides the intake status from the materials. */
	private Decision decide(IntakeRequest request, Matter matter) {
		Map<String, String> fields = new LinkedHashMap<>();
		var applicant = request.applicant();
		String id = applicant.idNumber().trim().toUpperCase();
		if (applicant.type() == ApplicantType.PERSON && !IdentityNumbers.validResidentId(id)) {
			fields.put("applicant.idNumber", "不是有效的居民身份证号码 / not a valid resident ID number");
		}
		if (applicant.type() == ApplicantType.ORG && !IdentityNumbers.validCreditCode(id)) {
			fields.put("applicant.idNumber", "不是有效的统一社会信用代码 / not a valid unified social credit code");
		}
		if (this.catalog.station(request.station()).isEmpty()) {
			fields.put("station", "没有这个服务站点 / no such station: " + request.station());
		}
		else if (!matter.acceptableAt(request.station())) {
			fields.put("station", "该站点不受理此事项 / this station does not accept the matter");
		}
		Set<String> known = new HashSet<>();
		matter.materials().forEach(m -> known.add(m.code()));
		Set<String> seen = new HashSet<>();
		Set<String> provided = new HashSet<>();
		for (int i = 0; i < request.materials().size(); i++) {
			var given = request.materials().get(i);
			if (!known.contains(given.code())) {
				fields.put("materials[" + i + "].code", "该事项没有这项材料 / not a material of this matter: " + given.code());
			}
			else if (!seen.add(given.code())) {
				fields.put("materials[" + i + "].code", "材料重复 / listed twice: " + given.code());
			}
			else if (given.provided()) {
				provided.add(given.code());
			}
		}
		if (!fields.isEmpty()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "请求内容有误 / The request has invalid fields", fields);
		}
		List<Material> missing = matter.materials().stream().filter(m -> !provided.contains(m.code())).toList();
		boolean mainMissing = missing.stream().anyMatch(m -> !m.tolerable());
		if (missing.isEmpty()) {
			return new Decision(CaseStatus.ACCEPTED, provided, null);
		}
		if (!mainMissing && request.committed()) {
			return new Decision(CaseStatus.ACCEPTED_WITH_DEFICIENCY, provided,
					IntakeNotice.deficiency(matter.name(), missing));
		}
		return new Decision(CaseStatus.NOTICE_ISSUED, provided, IntakeNotice.oneTime(matter.name(), missing));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private record Decision(CaseStatus status, Set<String> provided, IntakeNotice notice) {
	}

}
