package cn.gov.ouhai.approval.supervision;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.review.Review;
import cn.gov.ouhai.approval.review.Reviews;
import cn.gov.ouhai.approval.sla.ProvisionalCalendarWarning;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;

/**
 * The supervisors' dashboard (督查大屏): rendered on the server with everything in the page, so the
 * hall's big screen needs one authenticated request and no script to show the lists; the charts
 * (Apache ECharts, served from the application) read the same data embedded as JSON. It refreshes
 * itself every minute.
 */
@Controller
class DashboardController {

	static final int LISTED = 50;

	static final int TREND_WEEKS = 8;

	private final OverdueList overdue;

	private final Statistics statistics;

	private final Reviews reviews;

	private final Urges urges;

	private final ProvisionalCalendarWarning calendarWarning;

	DashboardController(OverdueList overdue, Statistics statistics, Reviews reviews, Urges urges,
			ProvisionalCalendarWarning calendarWarning) {
		this.overdue = overdue;
		this.statistics = statistics;
		this.reviews = reviews;
		this.urges = urges;
		this.calendarWarning = calendarWarning;
	}

	@GetMapping("/supervision")
	String dashboard(Model model) {
		LocalDate today = EngineClock.today();
		List<LateItem> late = this.overdue.list(new OverdueList.Filter(null, null, null, null, LISTED));
		Statistics.Report month = this.statistics.report(today.withDayOfMonth(1), today, "department");
		// the counts and the chart are of everything late, not of the lines listed
		SupervisionController.LateTotals totals = SupervisionController.LateTotals.of(this.overdue.byDepartment());
		List<OverdueList.DepartmentLate> byDepartment = totals.departments();
		List<Review> badOpen = this.reviews.openBad(LISTED);
		model.addAttribute("asOf", EngineClock.local(EngineClock.now()));
		model.addAttribute("calendarWarning", this.calendarWarning.message());
		model.addAttribute("late", late);
		model.addAttribute("red", totals.red());
		model.addAttribute("yellow", totals.yellow());
		model.addAttribute("month", month);
		model.addAttribute("badReviews", badOpen.stream().map(r -> new BadReviewLine(r.id(), r.caseNo(),
				month.groups().stream().filter(g -> g.key().equals(r.departmentCode())).map(Figures::name).findFirst()
					.orElse(r.departmentCode()), r.score(), r.state().label(),
				this.reviews.currentStep(r).map(t -> t.getName()).orElse(null),
				this.reviews.currentStep(r)
					.map(t -> t.getDueDate() == null ? null : WorkdayCalendar.lastDayOf(t.getDueDate().toInstant()))
					.orElse(null)))
			.toList());
		model.addAttribute("urges", this.urges.list(null, null, null, 20).stream().map(SupervisionController.UrgeView::of).toList());
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("departments", byDepartment.stream().map(OverdueList.DepartmentLate::departmentName).toList());
		charts.put("red", byDepartment.stream().map(OverdueList.DepartmentLate::red).toList());
		charts.put("yellow", byDepartment.stream().map(OverdueList.DepartmentLate::yellow).toList());
		List<Statistics.WeekFigures> weeks = this.statistics.weekly(TREND_WEEKS);
		charts.put("weeks", weeks.stream().map(w -> w.week().getMonthValue() + "/" + w.week().getDayOfMonth()).toList());
		charts.put("weekCases", weeks.stream().map(Statistics.WeekFigures::cases).toList());
		charts.put("weekOverdue", weeks.stream().map(Statistics.WeekFigures::overdue).toList());
		model.addAttribute("charts", charts);
		return "supervision/dashboard";
	}

	/** An open bad review; its step's limit ends at 24:00 of {@code dueDay}. */
	record BadReviewLine(long id, String caseNo, String department, int score, String state, String step,
			LocalDate dueDay) {
	}

}
