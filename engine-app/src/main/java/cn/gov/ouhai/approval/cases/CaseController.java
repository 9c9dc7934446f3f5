package cn.gov.ouhai.approval.cases;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.cases.CaseViews.ApplicantView;
import cn.gov.ouhai.approval.cases.CaseViews.CaseDetail;
import cn.gov.ouhai.approval.cases.CaseViews.CaseSummary;
import cn.gov.ouhai.approval.cases.CaseViews.IntakeAnswer;
import cn.gov.ouhai.approval.cases.CaseViews.MaterialView;
import cn.gov.ouhai.approval.cases.CaseViews.MatterRef;
import cn.gov.ouhai.approval.cases.CaseViews.Page;
import cn.gov.ouhai.approval.cases.CaseViews.SlaView;
import cn.gov.ouhai.approval.cases.CaseViews.TimelineEntry;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.sla.CaseSla;
import cn.gov.ouhai.approval.sla.Light;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.web.ApiException;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final Intake intake;

	private final Cases cases;

	private final Catalog catalog;

	private final CaseClocks clocks;

	CaseController(Intake intake, Cases cases, Catalog catalog, CaseClocks clocks) {
		this.intake = intake;
		this.cases = cases;
		this.catalog = catalog;
		this.clocks = clocks;
	}

	@PostMapping
	ResponseEntity<IntakeAnswer> accept(Authentication auth, @Valid @RequestBody IntakeRequest request) {
		CurrentUser user = CurrentUser.of(auth);
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有综合窗口可以受理 / Only the window group may accept applications");
		}
		IntakeOutcome outcome;
		try {
			outcome = this.intake.accept(request, user.id());
		}
		catch (DuplicateKeyException sameRequestAtOnce) {
			// a concurrent intake with this requestId committed first: answer its case
			outcome = this.intake.accept(request, user.id());
		}
		CaseRecord record = outcome.record();
		CaseSla sla = this.clocks.of(record.caseNo(), null).orElse(null);
		IntakeAnswer answer = new IntakeAnswer(record.caseNo(), record.status(), record.matterCode(),
				EngineClock.local(record.receivedAt()), sla == null ? null : EngineClock.local(sla.dueAt()),
				sla == null ? null : sla.dueDay(), outcome.notice());
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
	}

	@GetMapping("/{caseNo}")
	CaseDetail detail(Authentication auth, @PathVariable String caseNo) {
		CaseRecord record = this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		CurrentUser user = CurrentUser.of(auth);
		if (!user.seesAllDepartments() && !user.departments().contains(matter.department().code())) {
			throw ApiException.forbidden("该办件不属于您的部门 / This case belongs to another department");
		}
		Set<String> provided = new HashSet<>(this.cases.providedMaterials(caseNo));
		List<MaterialView> materials = matter.materials()
			.stream()
			.map(m -> new MaterialView(m.code(), m.name(), m.tolerable(), provided.contains(m.code())))
			.toList();
		List<TimelineEntry> timeline = this.cases.timeline(caseNo)
			.stream()
			.map(e -> new TimelineEntry(EngineClock.local(e.occurredAt()), e.kind(), e.stepId(), e.stepName(),
					e.actor(), e.decision(), e.opinion()))
			.toList();
		return new CaseDetail(record.caseNo(), record.status(), ref(matter), ApplicantView.masked(record),
				record.channel(), record.stationCode(), record.priority(), record.commitment(),
				EngineClock.local(record.receivedAt()), record.acceptedBy(), EngineClock.local(record.completedAt()),
				sla(record), materials, timeline);
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
