package cn.gov.ouhai.approval.cases;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Material;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.catalog.MatterKind;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.files.CaseFiles;
import cn.gov.ouhai.approval.files.StagedUpload;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * Intake (受理): checks an application against its matter, gives it a case number and, when
 * accepted, starts the matter's process, all in one transaction, so an answered intake always has
 * both its case row and its process, and a failed one has neither. The outcome and who decides are
 * decision tables an analyst edits: {@code Decision_IntakeOutcome} and {@code Decision_Routing}.
 */
@Service
public class Intake {

	static final String OUTCOME_DECISION = "Decision_IntakeOutcome";

	static final String ROUTING_DECISION = "Decision_Routing";

	/** The licence diagrams' event sub-process that tracks materials owed under 容缺受理. */
	static final String DEFICIENCY_SUBPROCESS = "SubProcess_DeficiencySupplement";

	/** The intake table's reason when the matter is decided on the applicant's commitment (告知承诺). */
	static final String APPROVAL_ON_COMMITMENT = "APPROVAL_ON_COMMITMENT";

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final Catalog catalog;

	private final CaseMapper mapper;

	private final CaseNumbers numbers;

	private final RuntimeService runtime;

	private final DecisionService decisions;

	private final CaseClocks clocks;

	private final ApplicantCredit credit;

	private final PlatformTransactionManager transactions;

	private final RepositoryService repository;

	private final CaseFiles files;

	Intake(Catalog catalog, CaseMapper mapper, CaseNumbers numbers, RuntimeService runtime, DecisionService decisions,
			CaseClocks clocks, ApplicantCredit credit, PlatformTransactionManager transactions,
			RepositoryService repository, CaseFiles files) {
		this.files = files;
		this.transactions = transactions;
		this.repository = repository;
		this.catalog = catalog;
		this.mapper = mapper;
		this.numbers = numbers;
		this.runtime = runtime;
		this.decisions = decisions;
		this.clocks = clocks;
		this.credit = credit;
	}

	/** Accepts an application whose materials are paper originals the window clerk has seen. */
	@Transactional
	public IntakeOutcome accept(IntakeRequest request, String clerk) {
		return accept(request, StagedUpload.none(), clerk);
	}

	/**
	 * Accepts an application through the API, starting the matter's process when accepted. The files
	 * (checked and staged by the caller) become the case's in the same transaction.
	 */
	@Transactional
	public IntakeOutcome accept(IntakeRequest request, StagedUpload upload, String clerk) {
		CaseRecord existing = this.mapper.findByRequest(request.requestId());
		if (existing != null) {
			return new IntakeOutcome(existing, false, noticeOf(existing));
		}
		Matter matter = this.catalog.matter(request.matterCode())
			.orElseThrow(() -> ApiException.notFound("MATTER_NOT_FOUND",
					"没有这个事项 / No such matter: " + request.matterCode()));
		Decision decision = decide(request, matter, upload.materialCodes());
		CaseRecord record = register(request, matter, decision, clerk);
		this.files.attach(record.caseNo(), upload, clerk);
		if (decision.status().open()) {
			this.clocks.start(record.caseNo(), record.receivedAt(), matter.promisedWorkdays());
			ProcessInstance instance = this.runtime.createProcessInstanceByKey(matter.processKey())
				.businessKey(record.caseNo())
				.setVariables(processVariables(record, matter))
				.execute();
			this.mapper.linkProcess(record.caseNo(), instance.getId());
			this.clocks.linkProcess(record.caseNo(), instance.getId());
		}
		log.info("intake {} {} matter={} station={} by {} status={} handling={}", record.caseNo(), record.requestId(),
				matter.code(), record.stationCode(), clerk, record.status(), record.handling());
		CaseRecord stored = this.mapper.find(record.caseNo());
		return new IntakeOutcome(stored, true, noticeOf(stored));
	}

	/**
	 * Registers the case of a process started from a Tasklist start form (the process already runs,
	 * inside this transaction). Answers the variables the process needs. An application that is not
	 * accepted runs no process: its case and notice (一次性告知书, 不予受理通知书) are recorded in a
	 * transaction of their own, and the start is refused with the case number and where to print
	 * the notice, which Tasklist shows the clerk.
	 */
	@Transactional
	public Map<String, Object> acceptStarted(IntakeRequest request, Matter matter, String clerk,
			String processInstanceId) {
		Decision decision = decide(request, matter, Set.of());
		if (!decision.status().open()) {
			TransactionTemplate own = new TransactionTemplate(this.transactions);
			own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			CaseRecord noticed = own.execute(status -> register(request, matter, decision, clerk));
			IntakeNotice notice = notice(decision.status(), matter, decision.missing(), decision.reason(), null);
			String kind = decision.status() == CaseStatus.REFUSED ? "refusal" : "one-time";
			log.info("intake {} from start form matter={} by {} status={}", noticed.caseNo(), matter.code(), clerk,
					noticed.status());
			throw ApiException.badRequest("NOT_ACCEPTED",
					"未受理，已出具" + notice.title() + "（办件编号 " + noticed.caseNo() + "，打印：/cases/" + noticed.caseNo()
							+ "/notices/" + kind + "）：" + notice.text() + " / Not accepted: notice issued as case "
							+ noticed.caseNo(),
					Map.of("caseNo", noticed.caseNo()));
		}
		CaseRecord record = register(request, matter, decision, clerk);
		this.mapper.linkProcess(record.caseNo(), processInstanceId);
		this.clocks.start(record.caseNo(), record.receivedAt(), matter.promisedWorkdays());
		this.clocks.linkProcess(record.caseNo(), processInstanceId);
		log.info("intake {} from start form matter={} by {} status={}", record.caseNo(), matter.code(), clerk,
				record.status());
		return processVariables(record, matter);
	}

	/**
	 * 一件事 (bundles): decides one matter's application exactly as {@link #accept} would, recording
	 * nothing, so a bundle can decide all its matters before it takes in any.
	 */
	public Decision assess(IntakeRequest request, Matter matter) {
		return decide(request, matter, Set.of());
	}

	/**
	 * 一件事 (bundles): records a case decided by {@link #assess} (or by the bundle for itself) with
	 * its clock of {@code limitWorkdays} when open, as a matter of {@code bundleCaseNo} if given. No
	 * process starts here: the bundle's process calls the matters' processes.
	 */
	@Transactional
	public CaseRecord registerDecided(IntakeRequest request, Matter matter, Decision decision, String clerk,
			String bundleCaseNo, int limitWorkdays) {
		CaseRecord record = register(request, matter, decision, clerk);
		if (bundleCaseNo != null) {
			this.mapper.linkBundle(record.caseNo(), bundleCaseNo);
		}
		if (decision.status().open()) {
			this.clocks.start(record.caseNo(), record.receivedAt(), limitWorkdays);
		}
		return this.mapper.find(record.caseNo());
	}

	/** A case's process runs: started by intake, or by a bundle's call activity (一件事). */
	@Transactional
	public void linkProcess(String caseNo, String processInstanceId) {
		this.mapper.linkProcess(caseNo, processInstanceId);
		this.clocks.linkProcess(caseNo, processInstanceId);
	}

	/** The variables a case's process starts with (references only), e.g. for a bundle's call activity. */
	public Map<String, Object> processVariablesOf(String caseNo) {
		CaseRecord record = this.mapper.find(caseNo);
		return processVariables(record, this.catalog.matter(record.matterCode()).orElseThrow());
	}

	/**
	 * The notice a case got at intake, rebuilt from what was recorded. It follows the status the case
	 * had at intake (its timeline's first line), so a 容缺 case in progress keeps its 容缺 notice.
	 */
	public IntakeNotice noticeOf(CaseRecord record) {
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		Set<String> provided = new HashSet<>(this.mapper.providedMaterials(record.caseNo()));
		// the case's own material rows: a bundle (一件事) records only the materials its matters need
		Set<String> recorded = new HashSet<>(this.mapper.recordedMaterials(record.caseNo()));
		List<Material> missing = matter.materials()
			.stream()
			.filter(m -> recorded.contains(m.code()) && !provided.contains(m.code()))
			.toList();
		var sla = this.clocks.of(record.caseNo(), null).orElse(null);
		CaseStatus atIntake = this.mapper.events(record.caseNo())
			.stream()
			.filter(e -> "INTAKE".equals(e.kind()))
			.findFirst()
			.map(e -> CaseStatus.valueOf(e.decision()))
			.orElse(record.status());
		return notice(atIntake, matter, missing, record.refusalReason(), sla == null ? null : sla.dueDay());
	}

	private static IntakeNotice notice(CaseStatus status, Matter matter, List<Material> missing, String reason,
			java.time.LocalDate dueDay) {
		return switch (status) {
			case NOTICE_ISSUED -> IntakeNotice.oneTime(matter.name(), missing);
			case ACCEPTED_WITH_DEFICIENCY -> IntakeNotice.deficiency(matter.name(), missing);
			case REFUSED -> IntakeNotice.refusal(matter.name(), reason);
			default -> dueDay == null ? null : IntakeNotice.acceptance(matter.name(), matter.promisedWorkdays(), dueDay);
		};
	}

	private static Map<String, Object> processVariables(CaseRecord record, Matter matter) {
		Map<String, Object> variables = new HashMap<>(CaseVariables.of(record.caseNo(), matter.code()));
		variables.put(CaseVariables.HANDLING_GROUP,
				record.handling() == Handling.WINDOW ? "window" : matter.department().approverGroup());
		variables.put(CaseVariables.GREEN_CHANNEL, record.priority() != null);
		// 告知承诺: the licence diagrams decide at once; 容缺: they hold the licence until the owed materials arrive
		variables.put(CaseVariables.APPROVAL_ON_COMMITMENT,
				record.status() == CaseStatus.ACCEPTED && record.commitment() && matter.commitmentAllowed());
		variables.put(CaseVariables.DEFICIENCY_CLEARED, record.status() != CaseStatus.ACCEPTED_WITH_DEFICIENCY);
		return variables;
	}

	private CaseRecord register(IntakeRequest request, Matter matter, Decision decision, String clerk) {
		String caseNo = this.numbers.next(EngineClock.today());
		var applicant = request.applicant();
		String idNumber = applicant.idNumber().trim().toUpperCase();
		String refersTo = decision.status() == CaseStatus.NOTICE_ISSUED ? this.mapper.lastNotice(idNumber, matter.code())
				: null;
		String reason = decision.status() == CaseStatus.REFUSED ? decision.reason() : null;
		CaseRecord record = new CaseRecord(caseNo, request.requestId(), matter.code(), decision.status(),
				applicant.type(), applicant.name().trim(), idNumber, blankToNull(applicant.phone()), request.channel(),
				request.station(), request.priority(), request.committed(), null, EngineClock.now(), clerk, null, reason,
				decision.handling(), refersTo);
		this.mapper.insert(record);
		Set<String> provided = decision.provided();
		for (Material material : matter.materials()) {
			boolean seen = decision.originalsSeen().contains(material.code());
			this.mapper.insertMaterial(caseNo, material.code(), provided.contains(material.code()),
					seen ? clerk : null, seen ? record.receivedAt() : null);
		}
		if (decision.status() == CaseStatus.ACCEPTED_WITH_DEFICIENCY) {
			// the tolerated materials are owed: supplements clear them (POST /api/cases/{no}/supplements)
			this.mapper.requestMaterials(caseNo, decision.missing().stream().map(Material::code).toList());
		}
		String step = switch (decision.status()) {
			case NOTICE_ISSUED -> "出具一次性告知书";
			case ACCEPTED_WITH_DEFICIENCY -> "容缺受理";
			case REFUSED -> "出具不予受理通知书";
			default -> "受理申请";
		};
		String opinion = decision.handling() == Handling.BACK_OFFICE && !matter.decidedAt(request.station())
				? "收件站点 " + request.station() + "，转" + matter.department().name() + "办理" : null;
		this.mapper.insertEvent(caseNo, new CaseEvent(record.receivedAt(), "INTAKE", null, step, clerk,
				decision.status().name(), reason != null ? reason : opinion));
		return record;
	}

	/**
	 * Validates what Bean Validation cannot, then asks the decision tables. A material counts as
	 * provided when files back it ({@code withFiles}) or, at the window, when the clerk has seen the
	 * paper original ({@code provided: true}).
	 */
	private Decision decide(IntakeRequest request, Matter matter, Set<String> withFiles) {
		if (matter.kind() == MatterKind.BUNDLE) {
			throw ApiException.badRequest("BUNDLE_MATTER", "一件事请通过 POST /api/bundles/" + matter.code()
					+ "/cases 受理 / A one-thing bundle is taken in through POST /api/bundles/{code}/cases", Map.of());
		}
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
		else if (!matter.onExceptionList() && !matter.acceptableAt(request.station())) {
			fields.put("station", "该站点不受理此事项 / this station does not receive the matter");
		}
		Set<String> known = new HashSet<>();
		matter.materials().forEach(m -> known.add(m.code()));
		Set<String> seen = new HashSet<>();
		Set<String> originals = new HashSet<>();
		for (int i = 0; i < request.materials().size(); i++) {
			var given = request.materials().get(i);
			if (!known.contains(given.code())) {
				fields.put("materials[" + i + "].code", "该事项没有这项材料 / not a material of this matter: " + given.code());
			}
			else if (!seen.add(given.code())) {
				fields.put("materials[" + i + "].code", "材料重复 / listed twice: " + given.code());
			}
			else if (given.provided() && !withFiles.contains(given.code())) {
				if (request.channel() != Channel.WINDOW) {
					fields.put("materials[" + i + "].provided", "网上和自助申请须上传材料文件，纸质原件只能在窗口核验 / "
							+ "online and kiosk applications must attach the file; paper originals are seen at the window only");
				}
				originals.add(given.code());
			}
		}
		Set<String> provided = new HashSet<>(originals);
		provided.addAll(withFiles);
		List<Material> missing = matter.materials().stream().filter(m -> !provided.contains(m.code())).toList();
		boolean mainMissing = missing.stream().anyMatch(m -> !m.tolerable());
		boolean tolerableMissing = missing.stream().anyMatch(Material::tolerable);
		boolean restricted = this.credit.restricted(id);
		if (request.committed() && tolerableMissing && !matter.commitmentAllowed() && !tracksDeficiency(matter)) {
			fields.put("commitment", "本事项的流程不支持容缺受理，请补齐材料后受理 / this matter's process cannot hold a licence "
					+ "for owed materials: no deficiency intake");
		}
		else if (request.committed() && !tolerableMissing && !matter.commitmentAllowed()) {
			fields.put("commitment", "本事项不适用告知承诺，且没有可容缺的材料需要承诺 / no commitment applies to this application");
		}
		else if (request.committed() && restricted) {
			fields.put("commitment",
					"申请人有失信承诺记录，不适用告知承诺和容缺受理 / the applicant's record excludes commitment and deficiency intake");
		}
		if (!fields.isEmpty()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "请求内容有误 / The request has invalid fields", fields);
		}
		DmnDecisionRuleResult outcome = this.decisions.evaluateDecisionTableByKey(OUTCOME_DECISION)
			.variables(Map.of("onExceptionList", matter.onExceptionList(), "applicantEligible",
					matter.applicantTypes().admits(applicant.type().name()), "mainMissing", mainMissing,
					"tolerableMissing", tolerableMissing, "commitment", request.committed(), "creditRestricted",
					restricted, "commitmentAllowed", matter.commitmentAllowed()))
			.evaluate()
			.getSingleResult();
		CaseStatus status = CaseStatus.valueOf(outcome.getEntry("outcome"));
		String reason = refusalText(outcome.getEntry("reason"), matter);
		Handling handling = null;
		if (status.open()) {
			String routed = this.decisions.evaluateDecisionTableByKey(ROUTING_DECISION)
				.variables(Map.of("kind", matter.kind().name(), "stationDecides", matter.decidedAt(request.station()),
						"proxyReceived", matter.proxyReceived()))
				.evaluate()
				.getSingleResult()
				.getEntry("handling");
			handling = Handling.valueOf(routed);
		}
		return new Decision(status, provided, originals, missing, reason, handling,
				APPROVAL_ON_COMMITMENT.equals(outcome.getEntry("reason")));
	}

	/** 容缺 needs a diagram that holds the licence for the owed materials (its 容缺材料补齐 sub-process). */
	private boolean tracksDeficiency(Matter matter) {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(matter.processKey())
			.latestVersion()
			.singleResult();
		return definition != null && this.repository.getBpmnModelInstance(definition.getId())
			.getModelElementById(DEFICIENCY_SUBPROCESS) != null;
	}

	private static String refusalText(String reason, Matter matter) {
		if ("EXCEPTION_LIST".equals(reason)) {
			return matter.exceptionNote();
		}
		if ("NOT_ELIGIBLE".equals(reason)) {
			return "本事项只受理" + switch (matter.applicantTypes()) {
				case PERSON -> "自然人";
				case ORG -> "法人或其他组织";
				case ANY -> "符合条件的申请人";
			} + "的申请。";
		}
		return reason;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** What intake decided for an application: its status, the materials given (and originals seen), missing, who handles it. */
	public record Decision(CaseStatus status, Set<String> provided, Set<String> originalsSeen, List<Material> missing,
			String reason, Handling handling, boolean onCommitment) {
	}

}
