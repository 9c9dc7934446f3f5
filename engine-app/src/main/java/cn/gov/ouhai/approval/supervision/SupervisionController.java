package cn.gov.ouhai.approval.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.Light;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.gov.ouhai.approval.web.NoControlCharacters;

/**
 * The supervisors' API: read everything, change nothing but urges. Only group {@code supervisor}
 * (and administrators) get here: the security configuration turns everyone else away with 403.
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

	static final int MAX_LIMIT = 1000;

	private final OverdueList overdue;

	private final Statistics statistics;

	private final Urges urges;

	SupervisionController(OverdueList overdue, Statistics statistics, Urges urges) {
		this.overdue = overdue;
		this.statistics = statistics;
		this.urges = urges;
	}

	@GetMapping("/overdue")
	LateList overdue(@RequestParam(required = false) Light light, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String department, @RequestParam(required = false) String station,
			@RequestParam(defaultValue = "200") int limit) {
		if (light == Light.GREEN) {
			throw ApiException.badRequest("BAD_PARAMETER", "只列红灯和黄灯 / Only RED and YELLOW are listed",
					Map.of("light", "RED | YELLOW"));
		}
		if (kind != null && !kind.equals("CASE") && !kind.equals("STEP")) {
			throw ApiException.badRequest("BAD_PARAMETER", "kind 取值 CASE 或 STEP / kind is CASE or STEP",
					Map.of("kind", "CASE | STEP"));
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.badRequest("BAD_PARAMETER", "limit 取值 1 至 " + MAX_LIMIT + " / limit is 1.." + MAX_LIMIT,
					Map.of("limit", "1.." + MAX_LIMIT));
		}
		List<LateItem> items = this.overdue.list(new OverdueList.Filter(light, kind, department, station, limit));
		return new LateList(EngineClock.local(EngineClock.now()),
				items.stream().filter(i -> i.light().equals("RED")).count(),
				items.stream().filter(i -> i.light().equals("YELLOW")).count(), items);
	}

	/**
	 * Red and yellow cases, the most late first, each once with its late steps inside it (the
	 * dashboard's list); {@code red} and {@code yellow} count the cases listed.
	 */
	@GetMapping("/overdue/cases")
	LateCases overdueCases(@RequestParam(required = false) Light light, @RequestParam(required = false) String department,
			@RequestParam(required = false) String station, @RequestParam(defaultValue = "50") int limit) {
		if (light == Light.GREEN) {
			throw ApiException.badRequest("BAD_PARAMETER", "只列红灯和黄灯 / Only RED and YELLOW are listed",
					Map.of("light", "RED | YELLOW"));
		}
		if (limit < 1 || limit > MAX_LIMIT / 3) {
			throw ApiException.badRequest("BAD_PARAMETER",
					"limit 取值 1 至 " + MAX_LIMIT / 3 + " / limit is 1.." + MAX_LIMIT / 3, Map.of("limit", "1.." + MAX_LIMIT / 3));
		}
		List<OverdueList.LateCase> cases = this.overdue.cases(new OverdueList.Filter(light, null, department, station, limit));
		return new LateCases(EngineClock.local(EngineClock.now()),
				cases.stream().filter(c -> c.light().equals("RED")).count(),
				cases.stream().filter(c -> c.light().equals("YELLOW")).count(), cases);
	}

	/**
	 * All red and yellow cases per department, each case once (the lists stop at their limit), the
	 * cases in hand and the overdue rate: red cases ÷ cases in hand.
	 */
	@GetMapping("/overdue/by-department")
	LateTotals overdueByDepartment() {
		return LateTotals.of(this.overdue.byDepartment(), this.overdue.casesInHand());
	}

	@GetMapping("/stats")
	Statistics.Report stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by) {
		LocalDate today = EngineClock.today();
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.withDayOfMonth(1) : from;
		if (start.isAfter(end)) {
			throw ApiException.badRequest("BAD_PARAMETER", "开始日期晚于结束日期 / from is after to",
					Map.of("from", "<= to"));
		}
		if (ChronoUnit.DAYS.between(start, end) > 366) {
			throw ApiException.badRequest("BAD_PARAMETER", "统计期间最长一年 / The period is at most a year",
					Map.of("to", "from + 366 days at most"));
		}
		if (by != null && !Statistics.DIMENSIONS.contains(by)) {
			throw ApiException.badRequest("BAD_PARAMETER",
					"by 取值 department、station、channel、matter、staff / by is department, station, channel, matter or staff",
					Map.of("by", "department | station | channel | matter | staff"));
		}
		return this.statistics.report(start, end, by);
	}

	@PostMapping("/cases/{caseNo}/urge")
	ResponseEntity<UrgeView> urge(Authentication auth, @PathVariable String caseNo, @Valid @RequestBody UrgeBody body) {
		Urge urge = this.urges.issue(caseNo, body.message(), CurrentUser.of(auth));
		return ResponseEntity.status(HttpStatus.CREATED).body(UrgeView.of(urge, this.urges.departmentNames()::get));
	}

	@GetMapping("/urges")
	List<UrgeView> urges(@RequestParam(required = false) UrgeState state, @RequestParam(required = false) String caseNo,
			@RequestParam(required = false) String department, @RequestParam(defaultValue = "200") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.badRequest("BAD_PARAMETER", "limit 取值 1 至 " + MAX_LIMIT + " / limit is 1.." + MAX_LIMIT,
					Map.of("limit", "1.." + MAX_LIMIT));
		}
		Map<String, String> names = this.urges.departmentNames();
		return this.urges.list(state, caseNo, department, limit).stream().map(u -> UrgeView.of(u, names::get)).toList();
	}

	record UrgeBody(@NotBlank(message = "必填：督办内容 / required: the message")
	@Size(max = 1000, message = "最长 1000 个字符 / at most 1000 characters") @NoControlCharacters String message) {
	}

	/**
	 * Everything late: {@code red} and {@code yellow} count cases (each once, by its worst: its own
	 * clock or any open step), {@code redSteps} and {@code yellowSteps} the late steps inside them;
	 * {@code inHand} the cases in hand (open, or closed with a rectification or urge still running)
	 * and {@code overdueRate} = {@code red} ÷ {@code inHand} (4 places; null when nothing is in hand).
	 */
	record LateTotals(OffsetDateTime asOf, long red, long yellow, long redSteps, long yellowSteps, long inHand,
			BigDecimal overdueRate, List<OverdueList.DepartmentLate> departments) {

		static LateTotals of(List<OverdueList.DepartmentLate> departments, long inHand) {
			long red = departments.stream().mapToLong(OverdueList.DepartmentLate::red).sum();
			return new LateTotals(EngineClock.local(EngineClock.now()), red,
					departments.stream().mapToLong(OverdueList.DepartmentLate::yellow).sum(),
					departments.stream().mapToLong(OverdueList.DepartmentLate::redSteps).sum(),
					departments.stream().mapToLong(OverdueList.DepartmentLate::yellowSteps).sum(), inHand,
					inHand == 0 ? null : BigDecimal.valueOf(red).divide(BigDecimal.valueOf(inHand), 4, RoundingMode.HALF_UP),
					departments);
		}

	}

	record LateCases(OffsetDateTime asOf, long red, long yellow, List<OverdueList.LateCase> cases) {
	}

	record LateList(OffsetDateTime asOf, long red, long yellow, List<LateItem> items) {
	}

	record UrgeView(long id, String caseNo, String department, String departmentName, String message, String urgedBy, OffsetDateTime urgedAt,
			String state, String stateLabel, OffsetDateTime dueDate, LocalDate dueDay, boolean late, String answer,
			String answeredBy, OffsetDateTime answeredAt) {

		static UrgeView of(Urge urge, Function<String, String> departmentNames) {
			boolean late = urge.dueAt() != null && (urge.answeredAt() != null ? !urge.answeredAt().isBefore(urge.dueAt())
					: !EngineClock.now().isBefore(urge.dueAt()));
			return new UrgeView(urge.id(), urge.caseNo(), urge.departmentCode(),
					departmentNames.apply(urge.departmentCode()), urge.message(), urge.urgedBy(),
					EngineClock.local(urge.urgedAt()), urge.state().name(), urge.state().label(),
					EngineClock.local(urge.dueAt()), urge.dueAt() == null ? null : WorkdayCalendar.lastDayOf(urge.dueAt()),
					late, urge.answer(), urge.answeredBy(),
					EngineClock.local(urge.answeredAt()));
		}

	}

}
