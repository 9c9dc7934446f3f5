package cn.gov.ouhai.approval.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.gov.ouhai.approval.cases.ApplicantType;
import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.PersonalDataMask;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.Light;
import cn.gov.ouhai.approval.sla.StepLights;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;

/**
 * What is late, where and with whom: red and yellow cases (their clocks) and steps (their tasks' due
 * dates), the most late first. A case whose clock stands still keeps the light it had when it
 * stopped, and so do its steps.
 */
@Service
class OverdueList {

	/**
	 * No step warns earlier than this many working days before its due day; the task query looks no
	 * further ahead, and each task's own yellow threshold decides.
	 */
	static final int LOOKAHEAD_WORKDAYS = 10;

	private static final Comparator<LateItem> MOST_LATE_FIRST = Comparator
		.comparing((LateItem item) -> Light.valueOf(item.light()), Comparator.reverseOrder())
		.thenComparing(LateItem::workdaysLate, Comparator.reverseOrder())
		.thenComparing(LateItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(LateItem::caseNo)
		.thenComparing(LateItem::kind);

	private final SupervisionMapper mapper;

	private final WorkdayCalendar calendar;

	private final StepLights lights;

	OverdueList(SupervisionMapper mapper, WorkdayCalendar calendar, StepLights lights) {
		this.mapper = mapper;
		this.calendar = calendar;
		this.lights = lights;
	}

	List<LateItem> list(Filter filter) {
		Instant now = EngineClock.now();
		List<LateItem> items = new ArrayList<>();
		if (filter.kind() == null || filter.kind().equals("CASE")) {
			items.addAll(cases(filter, now));
		}
		if (filter.kind() == null || filter.kind().equals("STEP")) {
			items.addAll(steps(filter, now));
		}
		return items.stream()
			.filter(item -> filter.light() == null || filter.light().name().equals(item.light()))
			.sorted(MOST_LATE_FIRST)
			.limit(filter.limit())
			.toList();
	}

	/**
	 * Red and yellow cases per department, all of them, where the list stops at its page. A case is
	 * red if its own clock is past due or any of its open steps is (RULES.md: red on a step even if
	 * the case is in time), yellow if not red and either is yellow: counted once, by its worst. The
	 * clocks are counted in the database; the steps due before the look-ahead are read once, each by
	 * its own threshold, and only a case late by a step whose clock is not already as late changes
	 * the clocks' count. The late steps are counted too (they show inside their cases). The most late
	 * departments first.
	 */
	List<DepartmentLate> byDepartment() {
		Instant now = EngineClock.now();
		Map<String, long[]> counts = new LinkedHashMap<>(); // red cases, yellow cases, red steps, yellow steps
		Map<String, String> names = new HashMap<>();
		for (SupervisionMapper.LateCount row : this.mapper.lateCaseCounts(now)) {
			names.put(row.department(), row.departmentName());
			long[] c = counts.computeIfAbsent(row.department(), d -> new long[4]);
			c[0] += row.red() == null ? 0 : row.red();
			c[1] += row.yellow() == null ? 0 : row.yellow();
		}
		Map<String, Light> worstStep = new HashMap<>();
		Map<String, SupervisionMapper.DueStep> stepCase = new HashMap<>();
		for (SupervisionMapper.DueStep step : this.mapper.dueStepsOfAll(horizon(), now)) {
			Light light = stepLight(step.processDefinitionId(), step.stepId(),
					step.pausedSince() != null ? step.pausedSince() : now, step.due());
			if (light != Light.GREEN) {
				names.put(step.department(), step.departmentName());
				counts.computeIfAbsent(step.department(), d -> new long[4])[light == Light.RED ? 2 : 3]++;
				worstStep.merge(step.caseNo(), light, (a, b) -> a.compareTo(b) >= 0 ? a : b);
				stepCase.put(step.caseNo(), step);
			}
		}
		worstStep.forEach((caseNo, light) -> {
			SupervisionMapper.DueStep step = stepCase.get(caseNo);
			Light clock = step.clockLight() == null ? Light.GREEN : Light.valueOf(step.clockLight());
			if (light.compareTo(clock) <= 0) {
				return; // counted by its clock already, as late as its steps make it
			}
			long[] c = counts.get(step.department());
			if (clock == Light.YELLOW) {
				c[1]--; // its clock's yellow becomes its step's red
			}
			c[light == Light.RED ? 0 : 1]++;
		});
		return counts.entrySet()
			.stream()
			.map(e -> {
				long[] c = e.getValue();
				return new DepartmentLate(e.getKey(), names.get(e.getKey()), c[0], c[1], c[2], c[3]);
			})
			.sorted(Comparator.comparing(DepartmentLate::red, Comparator.reverseOrder())
				.thenComparing(DepartmentLate::yellow, Comparator.reverseOrder())
				.thenComparing(DepartmentLate::department))
			.toList();
	}

	/** Distinct, non-empty, joined with 、; null when there is none. */
	private static String joined(java.util.stream.Stream<String> values) {
		String text = values.filter(v -> v != null && !v.isEmpty()).distinct().collect(Collectors.joining("、"));
		return text.isEmpty() ? null : text;
	}

	/** The cases in hand (在办), counted in the database: the overdue rate's whole. */
	long casesInHand() {
		return this.mapper.casesInHand();
	}

	/**
	 * A page of red and yellow cases, the most late first, each with its late steps inside it. The
	 * cases are those of the most late items ({@link #list}: clocks and steps), read three times the
	 * page deep so that a case with several late steps does not crowd the others out; then every
	 * open step of the page's cases is read in one query and lit, so a case shows all its late steps
	 * and its light is its worst. {@code light} keeps the cases whose own worst light it is.
	 */
	List<LateCase> cases(Filter filter) {
		Instant now = EngineClock.now();
		int depth = Math.min(SupervisionController.MAX_LIMIT, filter.limit() * 3);
		List<String> caseNos = list(new Filter(filter.light(), null, filter.department(), filter.station(), depth)).stream()
			.map(LateItem::caseNo)
			.distinct()
			.limit(filter.limit())
			.toList();
		if (caseNos.isEmpty()) {
			return List.of();
		}
		Map<String, SupervisionMapper.CaseRow> rows = this.mapper.cases(caseNos)
			.stream()
			.collect(Collectors.toMap(SupervisionMapper.CaseRow::caseNo, Function.identity()));
		Map<String, List<SupervisionMapper.StepRow>> open = this.mapper.openStepsOfCases(caseNos)
			.stream()
			.collect(Collectors.groupingBy(SupervisionMapper.StepRow::caseNo));
		Map<String, SupervisionMapper.UrgeCount> urged = this.mapper.urgeCounts(caseNos)
			.stream()
			.collect(Collectors.toMap(SupervisionMapper.UrgeCount::caseNo, Function.identity()));
		Map<String, Offered> offered = offered(open.values().stream().flatMap(List::stream).toList());
		List<LateCase> cases = new ArrayList<>();
		for (String caseNo : caseNos) {
			SupervisionMapper.CaseRow row = rows.get(caseNo);
			if (row == null) {
				continue; // deleted since the list was read
			}
			Instant at = row.pausedSince() != null ? row.pausedSince() : now;
			boolean inHand = row.status() != null && CaseStatus.valueOf(row.status()).open();
			Light clock = inHand && row.timed() ? Light.of(this.calendar, at, row.dueAt(),
					row.yellowWorkdays() == null ? Light.DEFAULT_YELLOW_WORKDAYS : row.yellowWorkdays()) : null;
			List<LateStep> steps = new ArrayList<>();
			List<SupervisionMapper.StepRow> current = open.getOrDefault(caseNo, List.of());
			for (SupervisionMapper.StepRow task : current) {
				Light light = stepLight(task.processDefinitionId(), task.stepId(), at, task.due());
				if (light != Light.GREEN) {
					int left = this.calendar.workdaysLeft(at, task.due());
					steps.add(new LateStep(task.stepId(), task.step(), who(task, offered, false), who(task, offered, true),
							EngineClock.local(task.due()), WorkdayCalendar.lastDayOf(task.due()), light.name(), left,
							light == Light.RED ? Math.max(0, -left) : 0));
				}
			}
			steps.sort(Comparator.comparing((LateStep step) -> Light.valueOf(step.light()), Comparator.reverseOrder())
				.thenComparing(LateStep::workdaysLate, Comparator.reverseOrder())
				.thenComparing(LateStep::dueDate));
			Light light = clock == null ? Light.GREEN : clock;
			for (LateStep step : steps) {
				light = Light.valueOf(step.light()).compareTo(light) > 0 ? Light.valueOf(step.light()) : light;
			}
			if (light == Light.GREEN || (filter.light() != null && filter.light() != light)) {
				continue;
			}
			Integer caseLeft = clock == null ? null : this.calendar.workdaysLeft(at, row.dueAt());
			int late = clock == Light.RED ? Math.max(0, -caseLeft) : 0;
			for (LateStep step : steps) {
				late = Math.max(late, step.workdaysLate());
			}
			int least = caseLeft == null ? Integer.MAX_VALUE : caseLeft;
			for (LateStep step : steps) {
				least = Math.min(least, step.workdaysLeft());
			}
			ApplicantType type = row.applicantType() == null ? null : ApplicantType.valueOf(row.applicantType());
			SupervisionMapper.UrgeCount urges = urged.get(caseNo);
			cases.add(new LateCase(caseNo, row.matterCode(), row.matterName(), row.departmentCode(), row.departmentName(),
					row.stationCode(), row.stationName(), PersonalDataMask.name(row.applicantName(), type), row.status(),
					inHand, joined(current.stream().map(SupervisionMapper.StepRow::step)),
					joined(current.stream().map(task -> who(task, offered, true))), light.name(), late, clock == null ? null : clock.name(),
					clock == null ? null : EngineClock.local(row.dueAt()),
					clock == null ? null : WorkdayCalendar.lastDayOf(row.dueAt()), caseLeft, least, row.pausedSince() != null,
					urges == null ? 0 : urges.urges(), urges == null || urges.waiting() == null ? 0 : urges.waiting(), steps));
		}
		cases.sort(Comparator.comparing((LateCase c) -> Light.valueOf(c.light()), Comparator.reverseOrder())
			.thenComparing(LateCase::workdaysLate, Comparator.reverseOrder())
			.thenComparing(c -> caseNos.indexOf(c.caseNo())));
		return cases;
	}

	private List<LateItem> cases(Filter filter, Instant now) {
		List<SupervisionMapper.CaseRow> rows = this.mapper.lateCases(now, filter.light() == Light.RED,
				filter.department(), filter.station(), filter.limit());
		List<String> processes = rows.stream().map(SupervisionMapper.CaseRow::processInstanceId).filter(id -> id != null)
			.distinct().toList();
		Map<String, List<SupervisionMapper.StepRow>> open = processes.isEmpty() ? Map.of()
				: this.mapper.stepsOfProcesses(processes).stream()
					.collect(Collectors.groupingBy(SupervisionMapper.StepRow::processInstanceId));
		Map<String, Offered> offered = offered(open.values().stream().flatMap(List::stream).toList());
		List<LateItem> items = new ArrayList<>();
		for (SupervisionMapper.CaseRow row : rows) {
			Instant at = row.pausedSince() != null ? row.pausedSince() : now;
			int yellow = row.yellowWorkdays() == null ? Light.DEFAULT_YELLOW_WORKDAYS : row.yellowWorkdays();
			Light light = Light.of(this.calendar, at, row.dueAt(), yellow);
			if (light == Light.GREEN) {
				continue;
			}
			List<SupervisionMapper.StepRow> current = open.getOrDefault(row.processInstanceId(), List.of());
			String step = current.stream().map(SupervisionMapper.StepRow::step).distinct().collect(Collectors.joining("、"));
			String assignee = current.stream().map(task -> who(task, offered, false)).distinct().collect(Collectors.joining("、"));
			String assigneeName = current.stream().map(task -> who(task, offered, true)).distinct().collect(Collectors.joining("、"));
			items.add(item("CASE", row, null, step.isEmpty() ? null : step, assignee.isEmpty() ? null : assignee,
					assigneeName.isEmpty() ? null : assigneeName, row.dueAt(), light, at));
		}
		return items;
	}

	private List<LateItem> steps(Filter filter, Instant now) {
		Instant horizon = horizon();
		List<SupervisionMapper.StepRow> late = new ArrayList<>();
		List<SupervisionMapper.CaseRow> lateRows = new ArrayList<>();
		List<Light> lights = new ArrayList<>();
		List<Instant> ats = new ArrayList<>();
		// page by page in due order: the most late come first, so the first page mostly fills the list
		for (int first = 0; late.size() < filter.limit(); first += filter.limit()) {
			List<SupervisionMapper.StepRow> due = this.mapper.dueSteps(horizon, filter.department(), filter.station(), first,
					filter.limit());
			if (due.isEmpty()) {
				break;
			}
			Map<String, SupervisionMapper.CaseRow> cases = this.mapper
				.cases(due.stream().map(SupervisionMapper.StepRow::caseNo).distinct().toList())
				.stream()
				.collect(Collectors.toMap(SupervisionMapper.CaseRow::caseNo, Function.identity()));
			for (SupervisionMapper.StepRow task : due) {
				SupervisionMapper.CaseRow row = cases.get(task.caseNo());
				if (row == null) {
					continue; // deleted since the page was read
				}
				Instant at = row.pausedSince() != null ? row.pausedSince() : now;
				Light light = stepLight(task.processDefinitionId(), task.stepId(), at, task.due());
				if (light != Light.GREEN && (filter.light() == null || filter.light() == light)) {
					late.add(task);
					lateRows.add(row);
					lights.add(light);
					ats.add(at);
				}
				if (late.size() >= filter.limit()) {
					break; // ordered by due date: the rest are less late
				}
			}
			if (due.size() < filter.limit() || first >= filter.limit() * 3) {
				break; // no more due, or looked far enough ahead (four pages, as before)
			}
		}
		// who works a step is looked up for the late ones only, in one query
		Map<String, Offered> offered = offered(late);
		List<LateItem> items = new ArrayList<>();
		for (int i = 0; i < late.size(); i++) {
			SupervisionMapper.StepRow task = late.get(i);
			items.add(item("STEP", lateRows.get(i), task.stepId(), task.step(), who(task, offered, false),
					who(task, offered, true), task.due(),
					lights.get(i), ats.get(i)));
		}
		return items;
	}

	/** Steps due before this may be yellow or red: no step warns earlier than the look-ahead. */
	private Instant horizon() {
		return WorkdayCalendar.endOf(this.calendar.addWorkdays(EngineClock.today(), LOOKAHEAD_WORKDAYS));
	}

	/** A step's light by its own yellow threshold (its diagram's), as it stands at {@code at}. */
	private Light stepLight(String processDefinitionId, String stepId, Instant at, Instant due) {
		return this.lights.of(processDefinitionId, stepId, at, due);
	}

	/**
	 * The assignee, or the groups offered the task while nobody has claimed it: their ids, or their
	 * names (a department's approvers, e.g. 温州市公安局瓯海区分局审批人员).
	 */
	private static String who(SupervisionMapper.StepRow task, Map<String, Offered> offered, boolean names) {
		if (task.assignee() != null) {
			return task.assignee();
		}
		Offered groups = offered.get(task.taskId());
		return groups == null ? "" : names ? groups.names() : groups.ids();
	}

	/** The groups offered each unclaimed task, comma-separated, with their names. */
	private Map<String, Offered> offered(List<SupervisionMapper.StepRow> tasks) {
		List<String> unclaimed = tasks.stream()
			.filter(t -> t.assignee() == null)
			.map(SupervisionMapper.StepRow::taskId)
			.distinct()
			.toList();
		if (unclaimed.isEmpty()) {
			return Map.of();
		}
		return this.mapper.candidateGroups(unclaimed)
			.stream()
			.collect(Collectors.groupingBy(SupervisionMapper.CandidateGroup::taskId,
					Collectors.collectingAndThen(Collectors.toList(), groups -> {
						List<SupervisionMapper.CandidateGroup> sorted = groups.stream()
							.sorted(Comparator.comparing(SupervisionMapper.CandidateGroup::groupId))
							.toList();
						return new Offered(
								sorted.stream().map(SupervisionMapper.CandidateGroup::groupId).collect(Collectors.joining(",")),
								sorted.stream()
									.map(g -> g.groupName() == null ? g.groupId() : g.groupName())
									.collect(Collectors.joining("、")));
					})));
	}

	/** The groups offered a task: their ids and their names. */
	private record Offered(String ids, String names) {
	}

	private LateItem item(String kind, SupervisionMapper.CaseRow row, String stepId, String step, String assignee,
			String assigneeName, Instant due, Light light, Instant at) {
		int left = this.calendar.workdaysLeft(at, due);
		ApplicantType type = row.applicantType() == null ? null : ApplicantType.valueOf(row.applicantType());
		return new LateItem(kind, row.caseNo(), row.matterCode(), row.matterName(), row.departmentCode(),
				row.departmentName(), row.stationCode(), row.stationName(), PersonalDataMask.name(row.applicantName(), type),
				stepId, step, assignee, assigneeName, EngineClock.local(due), WorkdayCalendar.lastDayOf(due), light.name(), left,
				light == Light.RED ? Math.max(0, -left) : 0, row.pausedSince() != null);
	}

	/**
	 * A department's red and yellow cases (each once, by its worst: its clock or a step), and the red
	 * and yellow steps inside them.
	 */
	record DepartmentLate(String department, String departmentName, long red, long yellow, long redSteps,
			long yellowSteps) {
	}

	/**
	 * A red or yellow case with its late steps: {@code light} is its worst, {@code caseLight} its own
	 * clock's (null when it has none running: finished, or closed with a rectification or urge still
	 * open), {@code workdaysLeft} that clock's; {@code workdaysLate} the most working days any of them
	 * is past due, {@code leastWorkdaysLeft} the fewest left to any of them. {@code inHand}: the
	 * case is open (only such a case can be urged); {@code currentSteps} and {@code currentAssignees}
	 * its open steps, late or not, and who has them (names of the groups offered them).
	 */
	record LateCase(String caseNo, String matterCode, String matterName, String department, String departmentName,
			String station, String stationName, String applicant, String status, boolean inHand, String currentSteps,
			String currentAssignees, String light,
			int workdaysLate, String caseLight, OffsetDateTime dueDate, LocalDate dueDay, Integer workdaysLeft,
			int leastWorkdaysLeft, boolean paused, long urges, long urgesWaiting, List<LateStep> steps) {
	}

	/** A red or yellow step of a case (of its process, its rectification or an urge). */
	record LateStep(String stepId, String step, String assignee, String assigneeName, OffsetDateTime dueDate,
			LocalDate dueDay, String light, int workdaysLeft, int workdaysLate) {
	}

	/** What the list is filtered by; {@code light} and {@code kind} null mean both. */
	record Filter(Light light, String kind, String department, String station, int limit) {
	}

}
