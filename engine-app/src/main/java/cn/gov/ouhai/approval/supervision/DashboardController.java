package cn.gov.ouhai.approval.supervision;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.review.Review;
import cn.gov.ouhai.approval.review.Reviews;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.ProvisionalCalendarWarning;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.web.ApiException;

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
	String dashboard(Model model, @RequestParam(required = false) String urged,
			@RequestParam(required = false) String urgeFailed, @RequestParam(required = false) String reason) {
		LocalDate today = EngineClock.today();
		// the page lists the 50 most late cases, each with its late steps inside it
		List<OverdueList.LateCase> late = this.overdue.cases(new OverdueList.Filter(null, null, null, null, LISTED));
		Statistics.Report month = this.statistics.report(today.withDayOfMonth(1), today, "department");
		// the counts and the chart are of every late case, not of the lines listed
		SupervisionController.LateTotals totals = SupervisionController.LateTotals.of(this.overdue.byDepartment(),
				this.overdue.casesInHand());
		List<OverdueList.DepartmentLate> byDepartment = totals.departments();
		model.addAttribute("urged", urged);
		model.addAttribute("urgeFailed", urgeFailed);
		model.addAttribute("reason", reason);
		model.addAttribute("totals", totals);
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
		Map<String, String> names = this.urges.departmentNames();
		model.addAttribute("urges",
				this.urges.list(null, null, null, 20).stream().map(u -> SupervisionController.UrgeView.of(u, names::get)).toList());
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

	/**
	 * 督办 from a row of the list: the page's form posts here (a plain form: the dashboard needs no
	 * script to urge), the urge is issued as {@code POST /api/supervision/cases/{caseNo}/urge} issues
	 * it, and the page comes back saying what happened. A form from another site is refused before
	 * this (CrossSiteRequestGuard).
	 */
	@PostMapping("/supervision/cases/{caseNo}/urge")
	String urge(Authentication auth, @PathVariable String caseNo, @RequestParam(defaultValue = "") String message) {
		String text = message.strip();
		String problem = text.isEmpty() ? "请填写督办内容" : text.length() > 1000 ? "督办内容最长 1000 个字符"
				: !CONTROL_FREE.matcher(text).matches() ? "督办内容除换行和制表符外不能含控制字符" : null;
		if (problem == null) {
			try {
				this.urges.issue(caseNo, text, CurrentUser.of(auth));
				return "redirect:/supervision?urged=" + encode(caseNo) + "#late";
			}
			catch (ApiException refused) {
				problem = refused.getMessage().split(" / ")[0];
			}
		}
		return "redirect:/supervision?urgeFailed=" + encode(caseNo) + "&reason=" + encode(problem) + "#late";
	}

	private static final Pattern CONTROL_FREE = Pattern.compile("[\\P{Cntrl}\\r\\n\\t]*");

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** An open bad review; its step's limit ends at 24:00 of {@code dueDay}. */
	record BadReviewLine(long id, String caseNo, String department, int score, String state, String step,
			LocalDate dueDay) {
	}

}
