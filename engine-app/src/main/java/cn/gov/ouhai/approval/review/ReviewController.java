package cn.gov.ouhai.approval.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.StepLights;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;
import cn.gov.ouhai.approval.web.ApiException;
import jakarta.validation.Valid;

@RestController
class ReviewController {

	private final Reviews reviews;

	private final Catalog catalog;

	private final WorkdayCalendar calendar;

	private final StepLights lights;

	ReviewController(Reviews reviews, Catalog catalog, WorkdayCalendar calendar, StepLights lights) {
		this.reviews = reviews;
		this.catalog = catalog;
		this.calendar = calendar;
		this.lights = lights;
	}

	@PostMapping("/api/cases/{caseNo}/reviews")
	ResponseEntity<ReviewViews.ReviewView> review(Authentication auth, @PathVariable String caseNo,
			@Valid @RequestBody ReviewRequest request) {
		Review review = this.reviews.submit(caseNo, request, CurrentUser.of(auth));
		return ResponseEntity.status(HttpStatus.CREATED).body(view(review));
	}

	@GetMapping("/api/reviews")
	ReviewViews.Page<ReviewViews.ReviewView> page(Authentication auth, @RequestParam(required = false) Boolean bad,
			@RequestParam(required = false) ReviewState state, @RequestParam(required = false) String department,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 200) {
			throw ApiException.badRequest("BAD_PARAMETER", "分页参数有误 / Bad paging parameters",
					Map.of("size", "1..200", "page", ">= 0"));
		}
		List<String> departments = departments(CurrentUser.of(auth), department);
		if (departments != null && departments.isEmpty()) {
			return new ReviewViews.Page<>(List.of(), 0, page, size);
		}
		ReviewFilter filter = new ReviewFilter(bad, state, departments,
				from == null ? null : from.atStartOfDay(EngineClock.ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant(), size, page * size);
		return new ReviewViews.Page<>(this.reviews.page(filter).stream().map(this::view).toList(),
				this.reviews.count(filter), page, size);
	}

	@GetMapping("/api/reviews/{id}")
	ReviewViews.ReviewView one(Authentication auth, @PathVariable long id) {
		Review review = this.reviews.find(id)
			.orElseThrow(() -> ApiException.notFound("REVIEW_NOT_FOUND", "没有这条评价 / No such review: " + id));
		List<String> departments = departments(CurrentUser.of(auth), null);
		if (departments != null && !departments.contains(review.departmentCode())) {
			throw ApiException.forbidden("该评价属于其他部门 / This review belongs to another department");
		}
		return view(review);
	}

	@PostMapping("/api/reviews/{id}/contact")
	ReviewViews.ReviewView contact(Authentication auth, @PathVariable long id,
			@Valid @RequestBody RectificationRequests.Contact body) {
		this.reviews.contact(id, body, CurrentUser.of(auth));
		return view(this.reviews.find(id).orElseThrow());
	}

	@PostMapping("/api/reviews/{id}/answer")
	ReviewViews.ReviewView answer(Authentication auth, @PathVariable long id,
			@Valid @RequestBody RectificationRequests.Answer body) {
		this.reviews.answer(id, body, CurrentUser.of(auth));
		return view(this.reviews.find(id).orElseThrow());
	}

	@PostMapping("/api/reviews/{id}/appeal-decision")
	ReviewViews.ReviewView appealDecision(Authentication auth, @PathVariable long id,
			@Valid @RequestBody RectificationRequests.AppealDecision body) {
		this.reviews.decideAppeal(id, body, CurrentUser.of(auth));
		return view(this.reviews.find(id).orElseThrow());
	}

	@PostMapping("/api/reviews/{id}/rating")
	ReviewViews.ReviewView rating(Authentication auth, @PathVariable long id,
			@Valid @RequestBody RectificationRequests.Rating body) {
		this.reviews.rate(id, body, CurrentUser.of(auth));
		return view(this.reviews.find(id).orElseThrow());
	}

	/**
	 * Null: every department (window, supervisors, the review office, administrators); otherwise the
	 * user's own departments, possibly none.
	 */
	private static List<String> departments(CurrentUser user, String department) {
		boolean all = user.seesAllDepartments() || user.in(Rectification.REVIEW_OFFICE);
		if (all) {
			return department == null ? null : List.of(department);
		}
		if (department != null) {
			if (!user.departments().contains(department)) {
				throw ApiException.forbidden("您不属于该部门 / You are not in department " + department);
			}
			return List.of(department);
		}
		return user.departments();
	}

	private ReviewViews.ReviewView view(Review review) {
		Matter matter = this.catalog.matter(review.matterCode()).orElse(null);
		return new ReviewViews.ReviewView(review.id(), review.caseNo(), review.matterCode(),
				matter == null ? null : matter.name(), review.departmentCode(),
				matter == null ? null : matter.department().name(), review.stationCode(), review.staff(),
				review.channel(), review.score(), ReviewScore.label(review.score()), review.reviewComment(), review.bad(),
				review.state().name(), review.state().label(), review.complex(), review.answer(),
				review.rectificationScore(), EngineClock.local(review.createdAt()), EngineClock.local(review.closedAt()),
				this.reviews.currentStep(review).map(this::step).orElse(null));
	}

	private ReviewViews.StepView step(Task task) {
		Instant now = EngineClock.now();
		Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		return new ReviewViews.StepView(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
				EngineClock.local(due), due == null ? 0 : this.calendar.workdaysLeft(now, due),
				this.lights.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), now, due).name());
	}

}
