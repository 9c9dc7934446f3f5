package cn.gov.ouhai.approval.supervision;

import java.time.Instant;
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
import cn.gov.ouhai.approval.cases.PersonalDataMask;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.Light;
import cn.gov.ouhai.approval.sla.StepLimits;
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

	private final StepLimits steps;

	OverdueList(SupervisionMapper mapper, WorkdayCalendar calendar, StepLimits steps) {
		this.mapper = mapper;
		this.calendar = calendar;
		this.steps = steps;
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
	 * Red and yellow per department, all of them, where the list stops at its page: cases by their
	 * clocks, counted in the database; steps by their own thresholds, every step due before the
	 * look-ahead read once. The most late departments first.
	 */
	List<DepartmentLate> byDepartment() {
		Instant now = EngineClock.now();
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		for (SupervisionMapper.LateCount row : this.mapper.lateCaseCounts(now)) {
			names.put(row.department(), row.departmentName());
			long[] c = counts.computeIfAbsent(row.department(), d -> new long[4]);
			c[0] += row.red();
			c[1] += row.yellow();
		}
		for (SupervisionMapper.DueStep step : this.mapper.dueStepsOfAll(horizon())) {
			Light light = stepLight(step.processDefinitionId(), step.stepId(),
					step.pausedSince() != null ? step.pausedSince() : now, step.due());
			if (light != Light.GREEN) {
				names.put(step.department(), step.departmentName());
				counts.computeIfAbsent(step.department(), d -> new long[4])[light == Light.RED ? 2 : 3]++;
			}
		}
		return counts.entrySet()
			.stream()
			.map(e -> {
				long[] c = e.getValue();
				return new DepartmentLate(e.getKey(), names.get(e.getKey()), c[0] + c[2], c[1] + c[3], c[0], c[1], c[2], c[3]);
			})
			.sorted(Comparator.comparing(DepartmentLate::red, Comparator.reverseOrder())
				.thenComparing(DepartmentLate::yellow, Comparator.reverseOrder())
				.thenComparing(DepartmentLate::department))
			.toList();
	}

	private List<LateItem> cases(Filter filter, Instant now) {
		List<SupervisionMapper.CaseRow> rows = this.mapper.lateCases(now, filter.light() == Light.RED,
				filter.department(), filter.station(), filter.limit());
		List<String> processes = rows.stream().map(SupervisionMapper.CaseRow::processInstanceId).filter(id -> id != null)
			.distinct().toList();
		Map<String, List<SupervisionMapper.StepRow>> open = processes.isEmpty() ? Map.of()
				: this.mapper.stepsOfProcesses(processes).stream()
					.collect(Collectors.groupingBy(SupervisionMapper.StepRow::processInstanceId));
		Map<String, String> offered = offered(open.values().stream().flatMap(List::stream).toList());
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
			String assignee = current.stream().map(task -> who(task, offered)).distinct().collect(Collectors.joining("、"));
			items.add(item("CASE", row, null, step.isEmpty() ? null : step, assignee.isEmpty() ? null : assignee,
					row.dueAt(), light, at));
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
		Map<String, String> offered = offered(late);
		List<LateItem> items = new ArrayList<>();
		for (int i = 0; i < late.size(); i++) {
			SupervisionMapper.StepRow task = late.get(i);
			items.add(item("STEP", lateRows.get(i), task.stepId(), task.step(), who(task, offered), task.due(),
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
		StepLimits.StepLimit limit = this.steps.of(processDefinitionId, stepId);
		return Light.of(this.calendar, at, due, limit == null ? Light.DEFAULT_YELLOW_WORKDAYS : limit.yellowWorkdays());
	}

	/** The assignee, or the groups offered the task while nobody has claimed it. */
	private static String who(SupervisionMapper.StepRow task, Map<String, String> offered) {
		return task.assignee() != null ? task.assignee() : offered.getOrDefault(task.taskId(), "");
	}

	/** The groups offered each unclaimed task, comma-separated. */
	private Map<String, String> offered(List<SupervisionMapper.StepRow> tasks) {
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
			.collect(Collectors.groupingBy(SupervisionMapper.CandidateGroup::taskId, Collectors.mapping(
					SupervisionMapper.CandidateGroup::groupId, Collectors.collectingAndThen(Collectors.toList(),
							groups -> groups.stream().sorted().collect(Collectors.joining(","))))));
	}

	private LateItem item(String kind, SupervisionMapper.CaseRow row, String stepId, String step, String assignee,
			Instant due, Light light, Instant at) {
		int left = this.calendar.workdaysLeft(at, due);
		ApplicantType type = row.applicantType() == null ? null : ApplicantType.valueOf(row.applicantType());
		return new LateItem(kind, row.caseNo(), row.matterCode(), row.matterName(), row.departmentCode(),
				row.departmentName(), row.stationCode(), row.stationName(), PersonalDataMask.name(row.applicantName(), type),
				stepId, step, assignee, EngineClock.local(due), WorkdayCalendar.lastDayOf(due), light.name(), left,
				light == Light.RED ? Math.max(0, -left) : 0, row.pausedSince() != null);
	}

	/** A department's red and yellow cases and steps; {@code red} and {@code yellow} add them up. */
	record DepartmentLate(String department, String departmentName, long red, long yellow, long redCases,
			long yellowCases, long redSteps, long yellowSteps) {
	}

	/** What the list is filtered by; {@code light} and {@code kind} null mean both. */
	record Filter(Light light, String kind, String department, String station, int limit) {
	}

}
