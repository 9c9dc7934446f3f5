package cn.gov.ouhai.approval.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.IntakeNotice;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.catalog.MatterKind;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.sla.CaseSla;
import cn.gov.ouhai.approval.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * 一件事 over REST: the bundles and their questionnaires, intake of a bundle, and its withdrawal.
 * A bundle case is read like any case ({@code GET /api/cases/{caseNo}}: its matters and their lights).
 */
@RestController
@RequestMapping("/api/bundles")
class BundleController {

	private final BundleCatalog bundles;

	private final BundleIntake intake;

	private final Questionnaires questionnaires;

	private final Cases cases;

	private final Catalog catalog;

	private final CaseClocks clocks;

	private final RuntimeService runtime;

	private final ObjectMapper json;

	private final BundleSupplements supplements;

	BundleController(BundleCatalog bundles, BundleIntake intake, Questionnaires questionnaires, Cases cases, Catalog catalog,
			CaseClocks clocks, RuntimeService runtime, ObjectMapper json, BundleSupplements supplements) {
		this.supplements = supplements;
		this.bundles = bundles;
		this.intake = intake;
		this.questionnaires = questionnaires;
		this.cases = cases;
		this.catalog = catalog;
		this.clocks = clocks;
		this.runtime = runtime;
		this.json = json;
	}

	@GetMapping
	List<BundleSummary> list() {
		return this.bundles.all().stream().map(BundleSummary::of).toList();
	}

	@GetMapping("/{code}")
	BundleView one(@PathVariable String code) {
		Bundle bundle = bundleOf(code);
		Matter m = bundle.matter();
		List<MaterialView> materials = m.materials()
			.stream()
			.map(material -> new MaterialView(material.code(), material.name(), material.tolerable(),
					bundle.mattersUsing(material.code())))
			.toList();
		return new BundleView(m.code(), m.name(), m.statutoryWorkdays(), m.promisedWorkdays(), m.stations(),
				bundle.questionnaireDecision(), this.questionnaires.questions(bundle.questionnaireDecision()),
				bundle.matters().stream().map(MatterRef::of).toList(), materials,
				new FormView(bundle.questionnaireForm(), form(bundle.questionnaireForm())), m.processKey());
	}

	@PostMapping("/{code}/cases")
	ResponseEntity<BundleAnswer> accept(Authentication auth, @PathVariable String code,
			@Valid @RequestBody BundleRequest request) {
		CurrentUser user = CurrentUser.of(auth);
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有综合窗口可以受理 / Only the window group may accept applications");
		}
		BundleOutcome outcome;
		try {
			outcome = this.intake.accept(code, request, user.id());
		}
		catch (DuplicateKeyException sameRequestAtOnce) {
			// a concurrent intake with this requestId committed first: answer its case
			outcome = this.intake.accept(code, request, user.id());
		}
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(answer(outcome));
	}

	/**
	 * The applicant withdraws the bundle: its diagram's 申请人撤回 stops every matter's process, and
	 * every matter not yet finished is withdrawn with it.
	 */
	@PostMapping("/cases/{caseNo}/withdraw")
	WithdrawAnswer withdraw(Authentication auth, @PathVariable String caseNo) {
		CurrentUser user = CurrentUser.of(auth);
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有综合窗口可以办理撤回 / Only the window group takes withdrawals");
		}
		CaseRecord bundle = bundleCase(caseNo);
		if (!bundle.status().open() || bundle.processInstanceId() == null) {
			throw ApiException.conflict("CASE_CLOSED", "一件事已办结或未受理，不能撤回 / The bundle is not open: " + bundle.status());
		}
		this.runtime.createMessageCorrelation(BundleVariables.WITHDRAWN)
			.processInstanceId(bundle.processInstanceId())
			.correlate();
		List<ChildView> children = this.cases.children(caseNo).stream().map(this::child).toList();
		return new WithdrawAnswer(caseNo, this.cases.find(caseNo).orElseThrow().status(), children);
	}

	/**
	 * Materials handed in later for the bundle (what 容缺 let the applicant owe), given once with
	 * the bundle's codes: every open matter that uses them receives them.
	 */
	@PostMapping("/cases/{caseNo}/supplements")
	BundleSupplements.Answer supplements(Authentication auth, @PathVariable String caseNo,
			@Valid @RequestBody SupplementBody body) {
		CurrentUser user = CurrentUser.of(auth);
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有综合窗口可以接收补交材料 / Only the window group takes supplements");
		}
		CaseRecord bundleCase = bundleCase(caseNo);
		return this.supplements.receive(bundleOf(bundleCase.matterCode()), bundleCase, body.materials(), user.id());
	}

	private CaseRecord bundleCase(String caseNo) {
		CaseRecord bundle = this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
		if (this.catalog.matter(bundle.matterCode()).map(Matter::kind).orElse(null) != MatterKind.BUNDLE) {
			throw ApiException.badRequest("NOT_A_BUNDLE", "该办件不是一件事 / This case is not a one-thing bundle",
					java.util.Map.of());
		}
		return bundle;
	}

	record SupplementBody(@NotEmpty(message = "至少一项材料 / at least one material")
	@Size(max = 100, message = "最多 100 项 / at most 100") List<@NotBlank(message = "不能为空 / must not be blank") String> materials) {
	}

	private Bundle bundleOf(String code) {
		return this.bundles.find(code)
			.orElseThrow(() -> ApiException.notFound("BUNDLE_NOT_FOUND", "没有这个一件事 / No such bundle: " + code));
	}

	private JsonNode form(String formId) {
		try (InputStream in = new ClassPathResource("form-definitions/" + formId + ".form").getInputStream()) {
			return this.json.readTree(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("表单缺失 / form missing: " + formId, e);
		}
	}

	private BundleAnswer answer(BundleOutcome outcome) {
		CaseRecord record = outcome.record();
		CaseSla sla = this.clocks.of(record.caseNo(), null).orElse(null);
		return new BundleAnswer(record.caseNo(), record.status(), record.matterCode(), record.stationCode(),
				EngineClock.local(record.receivedAt()), sla == null ? null : EngineClock.local(sla.dueAt()),
				sla == null ? null : sla.dueDay(), outcome.notice(), record.refersTo(), outcome.matterCodes(),
				outcome.children().stream().map(this::child).toList());
	}

	private ChildView child(CaseRecord child) {
		Matter matter = this.catalog.matter(child.matterCode()).orElseThrow();
		CaseSla sla = this.clocks.of(child.caseNo(), child.completedAt()).orElse(null);
		return new ChildView(child.caseNo(), child.status(), matter.code(), matter.name(), matter.department().code(),
				sla == null ? null : sla.dueDay());
	}

	record MatterRef(String code, String name, String department, String departmentName, int promisedWorkdays) {

		static MatterRef of(Matter m) {
			return new MatterRef(m.code(), m.name(), m.department().code(), m.department().name(), m.promisedWorkdays());
		}

	}

	record BundleSummary(String code, String name, int statutoryWorkdays, int promisedWorkdays, List<MatterRef> matters) {

		static BundleSummary of(Bundle bundle) {
			Matter m = bundle.matter();
			return new BundleSummary(m.code(), m.name(), m.statutoryWorkdays(), m.promisedWorkdays(),
					bundle.matters().stream().map(MatterRef::of).toList());
		}

	}

	/** A shared material and the matters it serves. */
	record MaterialView(String code, String name, boolean tolerable, List<String> usedBy) {
	}

	/** The questionnaire as a Camunda Form (form-js schema), also the bundle process's start form in Tasklist. */
	record FormView(String id, JsonNode schema) {
	}

	record BundleView(String code, String name, int statutoryWorkdays, int promisedWorkdays, List<String> stations,
			String questionnaireDecision, List<Questionnaires.Question> questions, List<MatterRef> matters,
			List<MaterialView> materials, FormView form, String processKey) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChildView(String caseNo, CaseStatus status, String matterCode, String matterName, String department,
			LocalDate dueDay) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record BundleAnswer(String caseNo, CaseStatus status, String bundleCode, String station, OffsetDateTime receivedAt,
			OffsetDateTime dueDate, LocalDate dueDay, IntakeNotice notice, String refersTo, List<String> matterCodes,
			List<ChildView> children) {
	}

	record WithdrawAnswer(String caseNo, CaseStatus status, List<ChildView> children) {
	}

}
