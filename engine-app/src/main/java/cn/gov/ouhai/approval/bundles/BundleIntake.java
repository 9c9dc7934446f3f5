package cn.gov.ouhai.approval.bundles;

import java.util.HashMap;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.CaseVariables;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.Handling;
import cn.gov.ouhai.approval.cases.Intake;
import cn.gov.ouhai.approval.cases.IntakeNotice;
import cn.gov.ouhai.approval.cases.IntakeRequest;
import cn.gov.ouhai.approval.cases.IntakeRequest.MaterialGiven;
import cn.gov.ouhai.approval.catalog.Material;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * Intake of a bundle (一件事) in one transaction: the questionnaire picks the matters; each matter is
 * decided by the platform's own intake ({@link Intake#assess}) on the materials given once for the
 * bundle; the bundle's outcome follows from its matters' (one refused: refused; one missing
 * something: one one-time notice listing everything missing across the bundle; one under 容缺:
 * 容缺 for the bundle). An accepted bundle is one case with one clock of the bundle's promised
 * limit, one child case per matter (its own number, clock and department), and the bundle's
 * process, which calls the matters' processes.
 */
@Service
public class BundleIntake {

	private static final Logger log = LoggerFactory.getLogger(BundleIntake.class);

	private final Intake intake;

	private final Cases cases;

	private final Questionnaires questionnaires;

	private final RuntimeService runtime;

	private final PlatformTransactionManager transactions;

	private final BundleCatalog bundles;

	BundleIntake(Intake intake, Cases cases, Questionnaires questionnaires, RuntimeService runtime,
			PlatformTransactionManager transactions, BundleCatalog bundles) {
		this.bundles = bundles;
		this.transactions = transactions;
		this.intake = intake;
		this.cases = cases;
		this.questionnaires = questionnaires;
		this.runtime = runtime;
	}

	/** Takes the bundle {@code bundleCode} in (the API, the demo cases). */
	@Transactional
	public BundleOutcome accept(String bundleCode, BundleRequest request, String clerk) {
		Bundle bundle = this.bundles.find(bundleCode)
			.orElseThrow(() -> ApiException.notFound("BUNDLE_NOT_FOUND", "没有这个一件事 / No such bundle: " + bundleCode));
		return accept(bundle, request, clerk);
	}

	/** Takes a bundle in through the API: registers it and its matters, starts its process. */
	@Transactional
	BundleOutcome accept(Bundle bundle, BundleRequest request, String clerk) {
		CaseRecord existing = this.cases.findByRequest(request.requestId()).orElse(null);
		if (existing != null) {
			if (!existing.matterCode().equals(bundle.code())) {
				throw ApiException.conflict("REQUEST_ID_USED",
						"该 requestId 已用于另一申请 / This requestId was used for another application: " + existing.caseNo());
			}
			List<CaseRecord> children = this.cases.children(existing.caseNo());
			return new BundleOutcome(existing, false, this.intake.noticeOf(existing),
					children.stream().map(CaseRecord::matterCode).toList(), children);
		}
		Assessed assessed = assess(bundle, request);
		CaseRecord record = register(bundle, request, assessed, clerk);
		if (assessed.status().open()) {
			ProcessInstance instance = this.runtime.createProcessInstanceByKey(bundle.matter().processKey())
				.businessKey(record.caseNo())
				.setVariables(Map.of(CaseVariables.CASE_NO, record.caseNo(), CaseVariables.MATTER_CODE, bundle.code()))
				.execute();
			this.intake.linkProcess(record.caseNo(), instance.getId());
		}
		CaseRecord stored = this.cases.find(record.caseNo()).orElseThrow();
		return new BundleOutcome(stored, true, this.intake.noticeOf(stored),
				assessed.chosen().stream().map(Matter::code).toList(), this.cases.children(record.caseNo()));
	}

	/**
	 * Takes a bundle in from its process's start form in Tasklist (the process is starting in this
	 * transaction). Not accepted: the bundle's case and its notice are recorded in a transaction of
	 * their own and the start is refused, saying where to print the notice, as for single matters.
	 */
	@Transactional
	Map<String, Object> acceptStarted(Bundle bundle, BundleRequest request, String clerk, String processInstanceId) {
		Assessed assessed = assess(bundle, request);
		if (!assessed.status().open()) {
			TransactionTemplate own = new TransactionTemplate(this.transactions);
			own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			CaseRecord noticed = own.execute(status -> register(bundle, request, assessed, clerk));
			IntakeNotice notice = this.intake.noticeOf(noticed);
			String kind = assessed.status() == CaseStatus.REFUSED ? "refusal" : "one-time";
			throw ApiException.badRequest("NOT_ACCEPTED",
					"未受理，已出具" + notice.title() + "（办件编号 " + noticed.caseNo() + "，打印：/cases/" + noticed.caseNo()
							+ "/notices/" + kind + "）：" + notice.text() + " / Not accepted: notice issued as case "
							+ noticed.caseNo(),
					Map.of("caseNo", noticed.caseNo()));
		}
		CaseRecord record = register(bundle, request, assessed, clerk);
		this.intake.linkProcess(record.caseNo(), processInstanceId);
		return Map.of(CaseVariables.CASE_NO, record.caseNo(), CaseVariables.MATTER_CODE, bundle.code());
	}

	/** Decides the bundle and each matter it needs; records nothing. */
	private Assessed assess(Bundle bundle, BundleRequest request) {
		Set<String> given = validate(bundle, request);
		List<Matter> chosen = chosenMatters(bundle, request);
		// each matter decided as if applied for alone, on the bundle's materials
		Map<Matter, Intake.Decision> decisions = new LinkedHashMap<>();
		for (Matter matter : chosen) {
			decisions.put(matter,
					this.intake.assess(matterRequest(bundle, matter, request, given, request.requestId()), matter));
		}
		List<Material> needed = bundle.materialsFor(chosen);
		List<Material> missing = needed.stream().filter(m -> !given.contains(m.code())).toList();
		CaseStatus status = bundleStatus(decisions.values());
		String reason = status == CaseStatus.REFUSED ? refusals(decisions) : null;
		Set<String> provided = new HashSet<>(given);
		provided.retainAll(needed.stream().map(Material::code).toList());
		// at the window the clerk sees the paper originals of what is given (files: see the README)
		Intake.Decision own = new Intake.Decision(status, provided, provided, missing, reason,
				status.open() ? Handling.BACK_OFFICE : null, false);
		return new Assessed(given, chosen, decisions, needed, status, own);
	}

	/** Records the bundle's case and, when it is accepted, one case per matter. */
	private CaseRecord register(Bundle bundle, BundleRequest request, Assessed assessed, String clerk) {
		IntakeRequest ownRequest = new IntakeRequest(request.requestId(), bundle.code(), request.applicant(),
				request.channel(), request.station(),
				assessed.needed()
					.stream()
					.map(m -> new MaterialGiven(m.code(), assessed.given().contains(m.code())))
					.toList(),
				request.commitment(), request.priority());
		CaseRecord record = this.intake.registerDecided(ownRequest, bundle.withMaterials(assessed.needed()),
				assessed.own(), clerk, null, bundle.matter().promisedWorkdays());
		if (assessed.status().open()) {
			for (var entry : assessed.decisions().entrySet()) {
				Matter matter = entry.getKey();
				Intake.Decision decided = entry.getValue();
				// 一窗受理、部门分办: the window receives, each matter's department handles its own
				Intake.Decision routed = new Intake.Decision(decided.status(), decided.provided(),
						decided.originalsSeen(), decided.missing(),
						decided.reason(), Handling.BACK_OFFICE, decided.onCommitment());
				// each matter keeps its own limit, inside the bundle's
				int limit = Math.min(matter.promisedWorkdays(), bundle.matter().promisedWorkdays());
				this.intake.registerDecided(
						matterRequest(bundle, matter, request, assessed.given(), record.caseNo() + ":" + matter.code()),
						matter, routed, clerk, record.caseNo(), limit);
			}
		}
		log.info("bundle intake {} {} bundle={} matters={} by {} status={}", record.caseNo(), request.requestId(),
				bundle.code(), assessed.chosen().stream().map(Matter::code).toList(), clerk, assessed.status());
		return record;
	}

	private record Assessed(Set<String> given, List<Matter> chosen, Map<Matter, Intake.Decision> decisions,
			List<Material> needed, CaseStatus status, Intake.Decision own) {
	}

	/** Answers every question of the questionnaire and nothing else; materials of the bundle, each once. */
	private Set<String> validate(Bundle bundle, BundleRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		Set<String> keys = new HashSet<>();
		for (Questionnaires.Question question : this.questionnaires.questions(bundle.questionnaireDecision())) {
			keys.add(question.key());
			if (request.answers().get(question.key()) == null) {
				fields.put("answers." + question.key(), "请回答：" + question.text() + " / required: true or false");
			}
		}
		for (String key : request.answers().keySet()) {
			if (!keys.contains(key)) {
				fields.put("answers." + key, "没有这个问题 / not a question of this bundle");
			}
		}
		Set<String> known = new HashSet<>();
		bundle.matter().materials().forEach(m -> known.add(m.code()));
		Set<String> seen = new HashSet<>();
		Set<String> given = new HashSet<>();
		for (int i = 0; i < request.materials().size(); i++) {
			MaterialGiven material = request.materials().get(i);
			if (!known.contains(material.code())) {
				fields.put("materials[" + i + "].code", "一件事没有这项材料 / not a material of this bundle: " + material.code());
			}
			else if (!seen.add(material.code())) {
				fields.put("materials[" + i + "].code", "材料重复 / listed twice: " + material.code());
			}
			else if (material.provided()) {
				given.add(material.code());
			}
		}
		if (!bundle.matter().acceptableAt(request.station())) {
			fields.put("station", "该站点不受理此一件事 / this station does not receive the bundle: " + request.station());
		}
		if (!fields.isEmpty()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "请求内容有误 / The request has invalid fields", fields);
		}
		return given;
	}

	private List<Matter> chosenMatters(Bundle bundle, BundleRequest request) {
		List<String> codes = this.questionnaires.matters(bundle.questionnaireDecision(), new HashMap<>(request.answers()));
		return bundle.matters().stream().filter(m -> codes.contains(m.code())).toList();
	}

	/**
	 * One matter's application as the bundle makes it: the matter's materials from the shared ones;
	 * the applicant's commitment (容缺) only where the matter lacks a tolerable one.
	 */
	private static IntakeRequest matterRequest(Bundle bundle, Matter matter, BundleRequest request, Set<String> given,
			String requestId) {
		List<MaterialGiven> materials = matter.materials()
			.stream()
			.map(m -> new MaterialGiven(m.code(), bundle.provides(matter, m, given)))
			.toList();
		boolean tolerableMissing = matter.materials()
			.stream()
			.anyMatch(m -> m.tolerable() && !bundle.provides(matter, m, given));
		return new IntakeRequest(requestId, matter.code(), request.applicant(), request.channel(), request.station(),
				materials, request.committed() && tolerableMissing, request.priority());
	}

	private static CaseStatus bundleStatus(Iterable<Intake.Decision> decisions) {
		CaseStatus status = CaseStatus.ACCEPTED;
		for (Intake.Decision decision : decisions) {
			status = worse(status, decision.status());
		}
		return status;
	}

	/** Refused beats a one-time notice beats 容缺 beats accepted: the bundle is as far as its furthest matter. */
	private static CaseStatus worse(CaseStatus a, CaseStatus b) {
		List<CaseStatus> order = List.of(CaseStatus.ACCEPTED, CaseStatus.ACCEPTED_WITH_DEFICIENCY,
				CaseStatus.NOTICE_ISSUED, CaseStatus.REFUSED);
		return order.indexOf(b) > order.indexOf(a) ? b : a;
	}

	private static String refusals(Map<Matter, Intake.Decision> decisions) {
		StringBuilder text = new StringBuilder();
		decisions.forEach((matter, decision) -> {
			if (decision.status() == CaseStatus.REFUSED) {
				text.append(text.isEmpty() ? "" : "；").append("「").append(matter.name()).append("」").append(decision.reason());
			}
		});
		return text.toString();
	}

}
