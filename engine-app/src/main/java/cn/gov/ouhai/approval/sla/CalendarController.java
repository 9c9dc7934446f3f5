package cn.gov.ouhai.approval.sla;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code /api/calendar}: the working-day calendar (administrators edit it). */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	private final WorkdayCalendar calendar;

	private final OfficialSchedule schedule;

	CalendarController(WorkdayCalendar calendar, OfficialSchedule schedule) {
		this.calendar = calendar;
		this.schedule = schedule;
	}

	@GetMapping("/{year}")
	YearView year(@PathVariable int year) {
		return view(year, null);
	}

	private YearView view(int year, ProvisionalYearAdjustment.Moved moved) {
		List<CalendarDay> days = this.calendar.days(year);
		boolean provisional = this.calendar.provisional(year);
		return new YearView(year, provisional, provisional ? PROVISIONAL_NOTE : null,
				days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(DayView::of).toList(),
				days.stream().filter(d -> d.kind() == DayKind.WORKDAY).map(DayView::of).toList(),
				moved == null ? null : new MovedView(moved.cases(), moved.steps(), moved.timers()));
	}

	@PutMapping("/{year}")
	YearView replace(Authentication auth, @PathVariable int year, @Valid @RequestBody YearBody body) {
		CurrentUser user = CurrentUser.of(auth);
		if (!user.admin()) {
			throw ApiException.forbidden("只有管理员可以修改工作日历 / Only administrators may change the calendar");
		}
		if (year < 2000 || year > 2100) {
			throw ApiException.badRequest("BAD_PARAMETER", "年份超出范围 / Year out of range", Map.of("year", "2000..2100"));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Set<LocalDate> seen = new HashSet<>();
		List<CalendarDay> days = new ArrayList<>();
		collect("holidays", body.holidays(), DayKind.HOLIDAY, year, seen, days, fields);
		collect("workdays", body.workdays(), DayKind.WORKDAY, year, seen, days, fields);
		if (!fields.isEmpty()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "工作日历有误，未作修改 / The calendar has errors; nothing changed",
					fields);
		}
		return view(year, this.schedule.load(year, days, user.id()));
	}

	@GetMapping("/add")
	AddAnswer add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int workdays) {
		if (workdays < 0 || workdays > 1000) {
			throw ApiException.badRequest("BAD_PARAMETER", "工作日数应在 0 到 1000 之间 / workdays must be 0..1000",
					Map.of("workdays", "0..1000"));
		}
		LocalDate date = this.calendar.addWorkdays(from, workdays);
		return new AddAnswer(from, workdays, date, EngineClock.local(WorkdayCalendar.endOf(date)),
				this.calendar.provisionalBetween(from, date));
	}

	private static void collect(String field, List<DayBody> given, DayKind kind, int year, Set<LocalDate> seen,
			List<CalendarDay> days, Map<String, String> fields) {
		for (int i = 0; i < given.size(); i++) {
			DayBody day = given.get(i);
			String at = field + "[" + i + "].date";
			if (day.date().getYear() != year) {
				fields.put(at, "不在 " + year + " 年内 / not in " + year);
			}
			else if (!seen.add(day.date())) {
				fields.put(at, "日期重复 / listed twice: " + day.date());
			}
			else {
				days.add(new CalendarDay(day.date(), kind, day.name().trim()));
			}
		}
	}

	record DayView(LocalDate date, String name) {

		static DayView of(CalendarDay day) {
			return new DayView(day.date(), day.name());
		}

	}

	static final String PROVISIONAL_NOTE = "暂定：当年放假安排尚未导入，按《全国年节及纪念日放假办法》的法定节假日推算（不含调休），"
			+ "导入后按正式安排调整 / Provisional: the statutory holidays only, until the official schedule is loaded";

	/** A year's exceptional days; {@code moved}: what loading it moved (only in the answer to a PUT). */
	record YearView(int year, boolean provisional, String note, List<DayView> holidays, List<DayView> workdays,
			MovedView moved) {
	}

	/** Deadlines that moved from the provisional calendar to the official one. */
	record MovedView(int cases, int steps, int timers) {
	}

	record DayBody(@NotNull(message = "必填 / required") LocalDate date,
			@NotBlank(message = "必填 / required") @Size(max = 100, message = "最长 100 个字符 / at most 100 characters")
			String name) {
	}

	record YearBody(
			@NotNull(message = "必填，可为空列表 / required, may be empty")
			@Size(max = 366, message = "最多 366 天 / at most 366 days") List<@NotNull @Valid DayBody> holidays,
			@NotNull(message = "必填，可为空列表 / required, may be empty")
			@Size(max = 366, message = "最多 366 天 / at most 366 days") List<@NotNull @Valid DayBody> workdays) {
	}

	record AddAnswer(LocalDate from, int workdays, LocalDate date, OffsetDateTime endsAt, boolean provisional) {
	}

}
