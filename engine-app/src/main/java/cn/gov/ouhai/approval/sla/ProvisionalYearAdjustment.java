package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * When the official schedule of a year replaces its provisional calendar, every deadline counted
 * on the provisional days moves to where the schedule puts it: the open case clocks (counted again
 * from acceptance, limit and pauses), then the open steps' due dates and the timers (the same
 * number of working days after the last day both calendars agree on, or after their creation if
 * that is later). Each moved case and step goes on the case's timeline (期限按正式日历调整); the
 * red/yellow lights follow, being read from these dates.
 *
 * <p>Batches of {@value #BATCH} in a transaction each, with the progress row in the same
 * transaction: a crash resumes after the last batch done (at the next start), nothing moves twice.
 * Exact when the schedule is loaded before its year begins, as it is published; loaded later, a
 * step created within the year is counted from its creation, and a pause within the year keeps the
 * working days it was counted with.
 */
@Service
public class ProvisionalYearAdjustment {

	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(ProvisionalYearAdjustment.class);

	private final AdjustmentMapper mapper;

	private final ClockMapper clocks;

	private final WorkdayCalendar calendar;

	private final TaskService tasks;

	private final ManagementService management;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	ProvisionalYearAdjustment(AdjustmentMapper mapper, ClockMapper clocks, WorkdayCalendar calendar, TaskService tasks,
			ManagementService management, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.mapper = mapper;
		this.clocks = clocks;
		this.calendar = calendar;
		this.tasks = tasks;
		this.management = management;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** In the transaction that loads the year's schedule: the deadlines counted on its provisional days are to move. */
	void begin(int year) {
		this.mapper.forget(year);
		this.mapper.begin(year, EngineClock.now());
	}

	/** What an adjustment moved. */
	public record Moved(int year, int cases, int steps, int timers) {
	}

	/** Adjustments a crash interrupted go on at start-up. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		for (int year : this.mapper.unfinished()) {
			log.info("{} 年正式日历的期限调整未完成，继续 / resuming the {} calendar adjustment", year, year);
			run(year);
		}
	}

	/** Runs a year's adjustment (or what is left of it) to its end. */
	public Moved run(int year) {
		AdjustmentMapper.Progress progress = this.mapper.progress(year);
		if (progress == null) {
			return new Moved(year, 0, 0, 0);
		}
		this.calendar.forget();
		Map<LocalDate, DayKind> provisional = new HashMap<>();
		StatutoryHolidays.of(year).forEach(day -> provisional.put(day.date(), day.kind()));
		WorkdayCounting before = WorkdayCounting.over(y -> y == year ? provisional : this.calendar.exceptionsOf(y));
		LocalDate anchor = LocalDate.of(year - 1, 12, 31);
		Instant after = WorkdayCounting.endOf(anchor);
		while (progress.finishedAt() == null) {
			AdjustmentMapper.Progress current = progress;
			progress = this.transaction.execute(status -> batch(current, before, anchor, after));
		}
		log.info("{} 年正式日历：期限调整完成，办件 {} 件、环节 {} 个、定时器 {} 个 / {} calendar adjusted: {} cases, {} steps, {} timers",
				year, progress.casesMoved(), progress.stepsMoved(), progress.timersMoved(), year, progress.casesMoved(),
				progress.stepsMoved(), progress.timersMoved());
		return new Moved(year, progress.casesMoved(), progress.stepsMoved(), progress.timersMoved());
	}

	private AdjustmentMapper.Progress batch(AdjustmentMapper.Progress p, WorkdayCounting before, LocalDate anchor,
			Instant after) {
		String last = p.lastKey() == null ? "" : p.lastKey();
		AdjustmentMapper.Progress next = switch (p.phase()) {
			case "CASES" -> {
				List<String> caseNos = this.mapper.clocksDueAfter(after, last, BATCH);
				int moved = 0;
				for (String caseNo : caseNos) {
					moved += recountCase(caseNo) ? 1 : 0;
				}
				yield caseNos.size() < BATCH ? phase(p, "STEPS", p.casesMoved() + moved, p.stepsMoved(), p.timersMoved())
						: step(p, caseNos.get(caseNos.size() - 1), p.casesMoved() + moved, p.stepsMoved(), p.timersMoved());
			}
			case "STEPS" -> {
				List<AdjustmentMapper.Deadline> steps = this.mapper.stepsDueAfter(after, p.startedAt(), last, BATCH);
				int moved = 0;
				for (AdjustmentMapper.Deadline step : steps) {
					moved += moveStep(step, before, anchor) ? 1 : 0;
				}
				yield steps.size() < BATCH ? phase(p, "TIMERS", p.casesMoved(), p.stepsMoved() + moved, p.timersMoved())
						: step(p, steps.get(steps.size() - 1).id(), p.casesMoved(), p.stepsMoved() + moved, p.timersMoved());
			}
			case "TIMERS" -> {
				List<AdjustmentMapper.Timer> timers = this.mapper.timersDueAfter(after, p.startedAt(), last, BATCH);
				int moved = 0;
				for (AdjustmentMapper.Timer timer : timers) {
					Instant due = this.calendar.recount(timer.due(), before, anchorFor(anchor, timer.created()));
					if (!due.equals(timer.due())) {
						this.management.setJobDuedate(timer.id(), Date.from(due));
						moved++;
					}
				}
				yield timers.size() < BATCH ? phase(p, "DONE", p.casesMoved(), p.stepsMoved(), p.timersMoved() + moved)
						: step(p, timers.get(timers.size() - 1).id(), p.casesMoved(), p.stepsMoved(), p.timersMoved() + moved);
			}
			default -> phase(p, "DONE", p.casesMoved(), p.stepsMoved(), p.timersMoved());
		};
		this.mapper.save(next);
		if (!next.phase().equals(p.phase()) || next.casesMoved() + next.stepsMoved() + next.timersMoved() > 0) {
			log.info("{} 年正式日历：期限调整进行中（{}），已调整办件 {}、环节 {}、定时器 {} / {} calendar adjustment: phase {}",
					p.yearNo(), next.phase(), next.casesMoved(), next.stepsMoved(), next.timersMoved(), p.yearNo(),
					next.phase());
		}
		return next;
	}

	/** A case's due date counted again from acceptance, its limit and its pauses, as {@link CaseClocks} counted it. */
	private boolean recountCase(String caseNo) {
		ClockRecord clock = this.clocks.lock(caseNo);
		if (clock == null) {
			return false;
		}
		Instant due = this.calendar.due(clock.startedAt(), clock.limitWorkdays());
		int paused = 0;
		for (AdjustmentMapper.EndedPause pause : this.mapper.endedPauses(caseNo)) {
			int workdays = Math.max(0, this.calendar.workdaysBetween(LocalDate.ofInstant(pause.startedAt(), EngineClock.ZONE),
					LocalDate.ofInstant(pause.endedAt(), EngineClock.ZONE)));
			if (pause.workdays() == null || pause.workdays() != workdays) {
				this.mapper.pauseWorkdays(caseNo, pause.startedAt(), workdays);
			}
			due = this.calendar.shift(due, workdays);
			paused += workdays;
		}
		if (due.equals(clock.dueAt()) && paused == clock.pausedWorkdays()) {
			return false;
		}
		this.mapper.recounted(caseNo, due, Light.turnsYellowAt(this.calendar, due, clock.yellowWorkdays()), paused);
		this.events.publishEvent(new CaseClockEvent.Adjusted(caseNo, EngineClock.now(), null, null, clock.dueAt(), due));
		return true;
	}

	private boolean moveStep(AdjustmentMapper.Deadline step, WorkdayCounting before, LocalDate anchor) {
		Instant due = this.calendar.recount(step.due(), before, anchorFor(anchor, step.created()));
		if (due.equals(step.due())) {
			return false;
		}
		Task task = this.tasks.createTaskQuery().taskId(step.id()).singleResult();
		if (task == null) {
			return false;
		}
		task.setDueDate(Date.from(due));
		this.tasks.saveTask(task);
		if (step.caseNo() != null) {
			this.events.publishEvent(
					new CaseClockEvent.Adjusted(step.caseNo(), EngineClock.now(), step.stepId(), step.stepName(), step.due(), due));
		}
		return true;
	}

	/** Counting a deadline made within the year starts from the day it was made. */
	private static LocalDate anchorFor(LocalDate anchor, Instant created) {
		if (created == null) {
			return anchor;
		}
		LocalDate day = LocalDate.ofInstant(created, EngineClock.ZONE);
		return day.isAfter(anchor) ? day : anchor;
	}

	private static AdjustmentMapper.Progress phase(AdjustmentMapper.Progress p, String phase, int cases, int steps,
			int timers) {
		return new AdjustmentMapper.Progress(p.yearNo(), p.startedAt(), phase, null, cases, steps, timers,
				phase.equals("DONE") ? EngineClock.now() : null);
	}

	private static AdjustmentMapper.Progress step(AdjustmentMapper.Progress p, String lastKey, int cases, int steps,
			int timers) {
		return new AdjustmentMapper.Progress(p.yearNo(), p.startedAt(), p.phase(), lastKey, cases, steps, timers, null);
	}

}
