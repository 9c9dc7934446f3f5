package cn.gov.ouhai.approval.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.gov.ouhai.approval.cases.CaseViews.ApplicantView;
import cn.gov.ouhai.approval.cases.CaseViews.CaseDetail;
import cn.gov.ouhai.approval.cases.CaseViews.CaseSummary;
import cn.gov.ouhai.approval.cases.CaseViews.ChildCase;
import cn.gov.ouhai.approval.cases.CaseViews.IntakeAnswer;
import cn.gov.ouhai.approval.cases.CaseViews.MaterialView;
import cn.gov.ouhai.approval.cases.CaseViews.MatterRef;
import cn.gov.ouhai.approval.cases.CaseViews.NoticeLink;
import cn.gov.ouhai.approval.cases.CaseViews.Page;
import cn.gov.ouhai.approval.cases.CaseViews.SlaView;
import cn.gov.ouhai.approval.cases.CaseViews.TimelineEntry;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.files.IncomingFile;
import cn.gov.ouhai.approval.files.StagedUpload;
import cn.gov.ouhai.approval.files.Uploads;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.sla.CaseSla;
import cn.gov.ouhai.approval.sla.Light;
import cn.gov.ouhai.approval.sla.PauseKind;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.web.ApiException;
import cn.gov.ouhai.approval.web.JsonParts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final Intake intake;

	private final Cases cases;

	private final Catalog catalog;

	private final CaseClocks clocks;

	private final Supplements supplements;

	private final Uploads uploads;

	private final JsonParts jsonParts;

	private final CaseMaterials materials;

	CaseController(Intake intake, Cases cases, Catalog catalog, CaseClocks clocks, Supplements supplements,
			Uploads uploads, JsonParts jsonParts, CaseMaterials materials) {
		this.intake = intake;
		this.cases = cases;
		this.catalog = catalog;
		this.clocks = clocks;
		this.supplements = supplements;
		this.uploads = uploads;
		this.jsonParts = jsonParts;
		this.materials = materials;
	}

	@PostMapping
	ResponseEntity<IntakeAnswer> accept(Authentication auth, @Valid @RequestBody IntakeRequest request) {
		return accept(CurrentUser.of(auth), request, List.of());
	}

	/**
	 * Intake with files: the JSON of {@code POST /api/cases} in a part named {@code application}, and
	 * each file in a part named after the material it backs (e.g. {@code M03}).
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<IntakeAnswer> acceptWithFiles(Authentication auth, MultipartHttpServletRequest multipart) {
		CurrentUser user = CurrentUser.of(auth);
		mayAccept(user);
		IntakeRequest request = this.jsonParts.read(APPLICATION_PART, MultipartFiles.text(multipart, APPLICATION_PART),
				IntakeRequest.class);
		return accept(user, request, MultipartFiles.files(multipart, APPLICATION_PART));
	}

	private ResponseEntity<IntakeAnswer> accept(CurrentUser user, IntakeRequest request, List<IncomingFile> files) {
		mayAccept(user);
		Matter matter = this.catalog.matter(request.matterCode())
			.orElseThrow(() -> ApiException.notFound("MATTER_NOT_FOUND",
					"没有这个事项 / No such matter: " + request.matterCode()));
		IntakeOutcome outcome;
		try (StagedUpload upload = this.uploads.stage(matter.code(), codesOf(matter), files, null)) {
			try {
				outcome = this.intake.accept(request, upload, user.id());
			}
			catch (DuplicateKeyException sameRequestAtOnce) {
				// a concurrent intake with this requestId committed first: answer its case
				outcome = this.intake.accept(request, upload, user.id());
			}
		}
		CaseRecord record = outcome.record();
		CaseSla sla = this.clocks.of(record.caseNo(), null).orElse(null);
		IntakeAnswer answer = new IntakeAnswer(record.caseNo(), record.status(), record.matterCode(),
				record.stationCode(), record.handling(), EngineClock.local(record.receivedAt()),
				sla == null ? null : EngineClock.local(sla.dueAt()), sla == null ? null : sla.dueDay(), outcome.notice(),
				record.refersTo());
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
	}

	@PostMapping("/{caseNo}/supplements")
	SupplementAnswer supplements(Authentication auth, @PathVariable String caseNo,
			@Valid @RequestBody SupplementBody body) {
		return supplement(CurrentUser.of(auth), caseNo, body.materials(), List.of());
	}

	/**
	 * Supplements with files: each file in a part named after its material; paper originals the clerk
	 * has seen, if any, in an optional JSON part {@code supplement} ({@code {"materials": [codes]}}).
	 */
	@PostMapping(path = "/{caseNo}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	SupplementAnswer supplementsWithFiles(Authentication auth, @PathVariable String caseNo,
			MultipartHttpServletRequest multipart) {
		CurrentUser user = CurrentUser.of(auth);
		mayTakeSupplements(user);
		String json = MultipartFiles.text(multipart, SUPPLEMENT_PART);
		List<String> originals = json == null ? List.of()
				: this.jsonParts.read(SUPPLEMENT_PART, json, PaperOriginals.class).materials();
		return supplement(user, caseNo, originals == null ? List.of() : originals,
				MultipartFiles.files(multipart, SUPPLEMENT_PART));
	}

	private SupplementAnswer supplement(CurrentUser user, String caseNo, List<String> originals,
			List<IncomingFile> files) {
		mayTakeSupplements(user);
		CaseRecord record = caseOf(caseNo);
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		List<String> stillMissing;
		try (StagedUpload upload = this.uploads.stage(matter.code(), codesOf(matter), files, caseNo)) {
			stillMissing = this.supplements.receive(record, matter, originals, upload, user.id());
		}
		return new SupplementAnswer(caseNo, caseOf(caseNo).status(), stillMissing);
	}

	private static void mayAccept(CurrentUser user) {
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有综合窗口可以受理 / Only the window group may accept applications");
		}
	}

	private static void mayTakeSupplements(CurrentUser user) {
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有综合窗口可以接收补交材料 / Only the window group takes supplements");
		}
	}

	private static Set<String> codesOf(Matter matter) {
		Set<String> codes = new HashSet<>();
		matter.materials().forEach(m -> codes.add(m.code()));
		return codes;
	}

	@PostMapping("/{caseNo}/special-procedure/end")
	ResponseEntity<Void> endSpecialProcedure(Authentication auth, @PathVariable String caseNo) {
		CaseRecord record = caseOf(caseNo);
		visibleTo(CurrentUser.of(auth), this.catalog.matter(record.matterCode()).orElseThrow(), true);
		if (this.clocks.pausedFor(caseNo).filter(kind -> kind == PauseKind.SPECIAL_PROCEDURE).isEmpty()) {
			throw ApiException.conflict("NO_SPECIAL_PROCEDURE", "该办件没有进行中的特别程序 / No special procedure is running");
		}
		this.clocks.resume(caseNo);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{caseNo}")
	CaseDetail detail(Authentication auth, @PathVariable String caseNo) {
		CaseRecord record = caseOf(caseNo);
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		visibleTo(CurrentUser.of(auth), matter, false);
		List<MaterialView> materials = this.materials.of(record, matter);
		// 一件事: a bundle lists its matters with their lights, and its timeline shows their steps too
		List<CaseRecord> children = this.cases.children(caseNo);
		List<ChildCase> childViews = children.stream()
			.map(c -> new ChildCase(c.caseNo(), c.status(), ref(this.catalog.matter(c.matterCode()).orElseThrow()), sla(c)))
			.toList();
		List<TimelineEntry> timeline = new ArrayList<>(timeline(caseNo));
		children.forEach(child -> timeline.addAll(timeline(child.caseNo())));
		timeline.sort(Comparator.comparing(TimelineEntry::at));
		SlaView sla = sla(record);
		if (sla != null && !children.isEmpty()) {
			sla = sla.worstOf(childViews);
		}
		return new CaseDetail(record.caseNo(), record.status(), ref(matter), ApplicantView.masked(record),
				record.channel(), record.stationCode(), record.handling(), record.priority(), record.commitment(),
				record.refusalReason(), record.refersTo(),
				EngineClock.local(record.receivedAt()), record.acceptedBy(), EngineClock.local(record.completedAt()),
				sla, materials, timeline, NoticeLink.of(caseNo, this.intake.noticeOf(record)),
				this.cases.bundleOf(caseNo).orElse(null), children.isEmpty() ? null : childViews);
	}

	private List<TimelineEntry> timeline(String caseNo) {
		return this.cases.timeline(caseNo)
			.stream()
			.map(e -> new TimelineEntry(EngineClock.local(e.occurredAt()), e.kind(), e.stepId(), e.stepName(),
					e.actor(), e.decision(), e.opinion(), caseNo))
			.toList();
	}

	@GetMapping
	Page<CaseSummary> page(Authentication auth, @RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) String department, @RequestParam(required = false) String station,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Light light, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 200) {
			throw ApiException.badRequest("BAD_PARAMETER", "分页参数有误 / Bad paging parameters",
					Map.of("size", "1..200", "page", ">= 0"));
		}
		CurrentUser user = CurrentUser.of(auth);
		List<String> departments;
		if (user.seesAllDepartments()) {
			departments = department == null ? null : List.of(department);
		}
		else if (department != null) {
			if (!user.departments().contains(department)) {
				throw ApiException.forbidden("您不属于该部门 / You are not in department " + department);
			}
			departments = List.of(department);
		}
		else {
			departments = user.departments();
			if (departments.isEmpty()) {
				return new Page<>(List.of(), 0, page, size);
			}
		}
		CaseFilter filter = new CaseFilter(status, station,
				from == null ? null : from.atStartOfDay(EngineClock.ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant(), departments, light,
				EngineClock.now(), size, page * size);
		List<CaseSummary> items = this.cases.page(filter).stream().map(this::summary).toList();
		return new Page<>(items, this.cases.count(filter), page, size);
	}

	/** 我经手的: the cases I acted on (any line of mine on their timelines), the last touched first. */
	@GetMapping("/touched")
	Page<TouchedCase> touched(Authentication auth, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 200) {
			throw ApiException.badRequest("BAD_PARAMETER", "分页参数有误 / Bad paging parameters",
					Map.of("size", "1..200", "page", ">= 0"));
		}
		String actor = CurrentUser.of(auth).id();
		List<TouchedCase> items = this.cases.touchedBy(actor, page * size, size)
			.stream()
			.map(row -> new TouchedCase(row.caseNo(), row.matterCode(), row.matterName(), row.status(),
					row.status().open(), EngineClock.local(row.lastAt()), EngineClock.local(row.completedAt())))
			.toList();
		return new Page<>(items, this.cases.countTouchedBy(actor), page, size);
	}

	record TouchedCase(String caseNo, String matterCode, String matterName, CaseStatus status, boolean open,
			java.time.OffsetDateTime lastActedAt, java.time.OffsetDateTime completedAt) {
	}

	/**
	 * The applicant's full ID number and phone, for the owning department's staff and the window only,
	 * on a deliberate click; every reveal is recorded (who, when, which case). Elsewhere they stay masked.
	 */
	@PostMapping("/{caseNo}/applicant/reveal")
	RevealedApplicant reveal(Authentication auth, @PathVariable String caseNo,
			@Valid @RequestBody(required = false) RevealBody body) {
		CurrentUser user = CurrentUser.of(auth);
		CaseRecord record = caseOf(caseNo);
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		boolean own = user.departments().contains(matter.department().code());
		if (!own && !user.in(Groups.WINDOW)) {
			throw ApiException.forbidden("只有承办部门和综合窗口可以查看申请人完整信息 / Only the owning department's staff and "
					+ "the window may see the applicant's full personal data");
		}
		java.time.Instant now = EngineClock.now();
		this.cases.revealed(caseNo, user.id(), now, body == null ? null : body.reason());
		return new RevealedApplicant(caseNo, record.applicantType(), record.applicantName(), record.applicantIdNumber(),
				record.applicantPhone(), user.id(), EngineClock.local(now));
	}

	record RevealBody(@Size(max = 500, message = "最长 500 个字符 / at most 500 characters")
	@jakarta.validation.constraints.Pattern(regexp = "[\\P{Cntrl}]*", message = "不能含控制字符 / no control characters") String reason) {
	}

	record RevealedApplicant(String caseNo, ApplicantType type, String name, String idNumber, String phone,
			String revealedTo, java.time.OffsetDateTime revealedAt) {
	}

	private CaseRecord caseOf(String caseNo) {
		return this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
	}

	/** Window, supervisors and admins read every case; a department only its own, and only it acts on them. */
	private static void visibleTo(CurrentUser user, Matter matter, boolean acting) {
		boolean own = user.departments().contains(matter.department().code());
		boolean allowed = acting ? own || user.admin() : own || user.seesAllDepartments();
		if (!allowed) {
			throw ApiException.forbidden("该办件不属于您的部门 / This case belongs to another department");
		}
	}

	record SupplementBody(@NotEmpty(message = "至少一项材料 / at least one material")
	@Size(max = 100, message = "最多 100 项 / at most 100") List<@NotBlank(message = "不能为空 / must not be blank") String> materials) {
	}

	static final String APPLICATION_PART = "application";

	static final String SUPPLEMENT_PART = "supplement";

	record PaperOriginals(@Size(max = 100, message = "最多 100 项 / at most 100")
	List<@NotBlank(message = "不能为空 / must not be blank") String> materials) {
	}

	record SupplementAnswer(String caseNo, CaseStatus status, List<String> stillMissing) {
	}

	private CaseSummary summary(CaseRecord record) {
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		return new CaseSummary(record.caseNo(), record.status(), matter.code(), matter.name(),
				matter.department().code(), ApplicantView.masked(record), record.channel(), record.stationCode(),
				EngineClock.local(record.receivedAt()), EngineClock.local(record.completedAt()), sla(record));
	}

	/** The clock of an open case now; of a finished one, as it stood when it was finished. */
	private SlaView sla(CaseRecord record) {
		return SlaView.of(this.clocks.of(record.caseNo(), record.completedAt()).orElse(null));
	}

	private static MatterRef ref(Matter matter) {
		return new MatterRef(matter.code(), matter.name(), matter.department().code(), matter.department().name());
	}

}
