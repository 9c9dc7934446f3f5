package cn.gov.ouhai.approval.review;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * Reviews (好差评) and the steps of their rectification. A review is taken once per case and channel,
 * only after the case is finished; a bad one starts {@code Process_ReviewRectification} with the
 * case number as business key, so its steps, warnings and escalations go on the case's timeline.
 * The diagram decides the steps and limits; this class only checks who may act and passes the
 * answers on.
 */
@Service
public class Reviews {

	private static final Logger log = LoggerFactory.getLogger(Reviews.class);

	private final ReviewMapper mapper;

	private final Cases cases;

	private final Catalog catalog;

	private final RuntimeService runtime;

	private final TaskService tasks;

	Reviews(ReviewMapper mapper, Cases cases, Catalog catalog, RuntimeService runtime, TaskService tasks) {
		this.mapper = mapper;
		this.cases = cases;
		this.catalog = catalog;
		this.runtime = runtime;
		this.tasks = tasks;
	}

	@Transactional
	public Review submit(String caseNo, ReviewRequest request, CurrentUser user) {
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有窗口评价器和办事平台可以提交评价 / Only the window and the portals submit reviews");
		}
		CaseRecord record = this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
		if (record.completedAt() == null) {
			throw ApiException.conflict("CASE_NOT_FINISHED", "办件办结后才能评价 / A case is reviewed only after it is finished");
		}
		String channel = request.channel().name();
		if (this.mapper.countFor(caseNo, channel) > 0) {
			throw alreadyReviewed(channel);
		}
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		int score = request.score();
		boolean bad = ReviewScore.bad(score);
		Instant now = EngineClock.now();
		Review review = new Review(0, caseNo, channel, score, blankToNull(request.comment()), bad,
				bad ? ReviewState.CONTACTING : ReviewState.NONE, matter.code(), matter.department().code(),
				record.stationCode(), record.acceptedBy(), null, null, null, null, user.id(), now, null);
		ReviewMapper.GeneratedKey key = new ReviewMapper.GeneratedKey();
		try {
			this.mapper.insert(review, key);
		}
		catch (DuplicateKeyException sameChannelAtOnce) {
			throw alreadyReviewed(channel);
		}
		long id = key.getId();
		this.cases.note(caseNo, "REVIEW", null, "好差评", user.id(), String.valueOf(score),
				ReviewScore.label(score) + "（" + channel + "）" + (bad ? "，差评，启动整改" : ""));
		if (bad) {
			Map<String, Object> variables = new HashMap<>();
			variables.put(Rectification.CASE_NO, caseNo);
			variables.put(Rectification.REVIEW_ID, id);
			variables.put(Rectification.DEPARTMENT_GROUP, matter.department().approverGroup());
			variables.put(Rectification.HEAD_GROUP, matter.department().headGroup());
			ProcessInstance instance = this.runtime.createProcessInstanceByKey(Rectification.PROCESS_KEY)
				.businessKey(caseNo)
				.setVariables(variables)
				.execute();
			this.mapper.linkProcess(id, instance.getId());
		}
		log.info("review {} of {} score={} channel={} by {}", id, caseNo, score, channel, user.id());
		return this.mapper.find(id);
	}

	public Optional<Review> find(long id) {
		return Optional.ofNullable(this.mapper.find(id));
	}

	List<Review> page(ReviewFilter filter) {
		return this.mapper.page(filter);
	}

	long count(ReviewFilter filter) {
		return this.mapper.count(filter);
	}

	/** Open bad reviews, newest first, for the supervisors' dashboard. */
	public List<Review> openBad(int limit) {
		return Set.of(ReviewState.CONTACTING, ReviewState.APPEALED, ReviewState.RECTIFYING, ReviewState.AWAITING_RATING)
			.stream()
			.flatMap(state -> this.mapper.page(new ReviewFilter(true, state, null, null, null, limit, 0)).stream())
			.sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
			.limit(limit)
			.toList();
	}

	/** The open user task of a review's rectification, if it waits at one. */
	public Optional<Task> currentStep(Review review) {
		if (review.processInstanceId() == null || !review.state().open()) {
			return Optional.empty();
		}
		return this.tasks.createTaskQuery().processInstanceId(review.processInstanceId()).active().list().stream().findFirst();
	}

	/** 联系申请人核实: the department rectifies (simple: 5, complex: 15 working days) or appeals. */
	@Transactional
	public void contact(long id, RectificationRequests.Contact body, CurrentUser user) {
		Review review = bad(id);
		// who may act first: another department learns nothing of where the rectification stands
		departmentOnly(review, user);
		Task task = step(review, Set.of(Rectification.CONTACT), "联系申请人核实");
		boolean complex = Boolean.TRUE.equals(body.complex());
		this.mapper.complex(id, complex);
		complete(task, user, Map.of(Rectification.DECISION, body.appeal() ? "APPEAL" : "RECTIFY", Rectification.OPINION,
				body.opinion(), Rectification.COMPLEX, complex));
	}

	/** 整改并答复. */
	@Transactional
	public void answer(long id, RectificationRequests.Answer body, CurrentUser user) {
		Review review = bad(id);
		departmentOnly(review, user);
		Task task = step(review, Rectification.RECTIFY, "整改并答复");
		this.mapper.answer(id, body.answer());
		complete(task, user, Map.of(Rectification.DECISION, "ANSWERED", Rectification.OPINION, body.answer()));
	}

	/** 复核差评申诉, by the centre's review office: upheld voids the review, rejected sends it to rectification. */
	@Transactional
	public void decideAppeal(long id, RectificationRequests.AppealDecision body, CurrentUser user) {
		Review review = bad(id);
		if (!user.in(Rectification.REVIEW_OFFICE) && !user.admin()) {
			throw ApiException.forbidden("只有好差评复核人员可以复核申诉 / Only the review office decides appeals");
		}
		Task task = step(review, Set.of(Rectification.REVIEW_APPEAL), "复核差评申诉");
		complete(task, user,
				Map.of(Rectification.DECISION, body.upheld() ? "UPHOLD" : "REJECT", Rectification.OPINION, body.opinion()));
	}

	/** The applicant rates the fix (at the window's rating device or online). */
	@Transactional
	public void rate(long id, RectificationRequests.Rating body, CurrentUser user) {
		Review review = bad(id);
		if (!user.in(Groups.WINDOW) && !user.admin()) {
			throw ApiException.forbidden("只有窗口评价器和办事平台可以提交评价 / Only the window and the portals submit ratings");
		}
		boolean waiting = review.state() == ReviewState.AWAITING_RATING && this.runtime.createExecutionQuery()
			.processInstanceId(review.processInstanceId())
			.activityId(Rectification.AWAIT_RATING)
			.count() > 0;
		if (!waiting) {
			throw notAt(review, "评价整改");
		}
		this.mapper.rated(id, body.score());
		this.cases.note(review.caseNo(), "REVIEW", Rectification.AWAIT_RATING, "申请人评价整改", user.id(),
				String.valueOf(body.score()), ReviewScore.label(body.score())
						+ (body.comment() == null || body.comment().isBlank() ? "" : "：" + body.comment()));
		this.runtime.createMessageCorrelation(Rectification.RATED_MESSAGE)
			.processInstanceId(review.processInstanceId())
			.setVariable(Rectification.RECTIFICATION_SCORE, body.score())
			.correlate();
	}

	/** The diagram entered an element marked {@code reviewState}: the review moves with it. */
	@Transactional
	public void moveTo(long id, ReviewState state) {
		if (state.open()) {
			this.mapper.moveTo(id, state);
		}
		else {
			this.mapper.close(id, state, EngineClock.now());
		}
	}

	private Review bad(long id) {
		Review review = find(id)
			.orElseThrow(() -> ApiException.notFound("REVIEW_NOT_FOUND", "没有这条评价 / No such review: " + id));
		if (!review.bad() || review.processInstanceId() == null) {
			throw ApiException.conflict("NOT_A_BAD_REVIEW", "这条评价不是差评，无需整改 / Not a bad review: nothing to rectify");
		}
		return review;
	}

	private Task step(Review review, Set<String> stepIds, String stepName) {
		return this.tasks.createTaskQuery()
			.processInstanceId(review.processInstanceId())
			.active()
			.list()
			.stream()
			.filter(task -> stepIds.contains(task.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow(() -> notAt(review, stepName));
	}

	private static ApiException notAt(Review review, String stepName) {
		return ApiException.conflict("NOT_AT_THIS_STEP", "该差评当前不在「" + stepName + "」环节（当前：" + review.state().label()
				+ "） / The rectification is not at this step (now " + review.state() + ")");
	}

	private static void departmentOnly(Review review, CurrentUser user) {
		if (!user.departments().contains(review.departmentCode()) && !user.admin()) {
			throw ApiException.forbidden("该差评由" + review.departmentCode() + "部门整改 / This review is rectified by department "
					+ review.departmentCode());
		}
	}

	private void complete(Task task, CurrentUser user, Map<String, Object> variables) {
		if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
			throw ApiException.conflict("TASK_CLAIMED",
					"该环节已由 " + task.getAssignee() + " 认领 / The step is claimed by " + task.getAssignee());
		}
		try {
			if (task.getAssignee() == null) {
				this.tasks.claim(task.getId(), user.id());
			}
			this.tasks.complete(task.getId(), variables);
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
			throw ApiException.conflict("TASK_TAKEN", "该环节已被他人认领或办理 / The step was claimed or completed by someone else");
		}
	}

	private static ApiException alreadyReviewed(String channel) {
		return ApiException.conflict("ALREADY_REVIEWED",
				"该办件已通过此渠道评价过（一事一评） / The case was already reviewed through " + channel);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
