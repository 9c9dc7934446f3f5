package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * The case clock: started at acceptance with the matter's promised limit, paused while the case
 * is in an element the diagram marks as not counted, and on resuming the case's due date, every
 * pending timer of its process and every open task's due date move by the paused working days.
 * Nested pauses count once (the outermost), repeated pauses add up.
 */
@Service
public class CaseClocks {

	private final ClockMapper mapper;

	private final WorkdayCalendar calendar;

	private final ManagementService management;

	private final TaskService tasks;

	private final ApplicationEventPublisher events;

	CaseClocks(ClockMapper mapper, WorkdayCalendar calendar, ManagementService management, TaskService tasks,
			ApplicationEventPublisher events) {
		this.mapper = mapper;
		this.calendar = calendar;
		this.management = management;
		this.tasks = tasks;
		this.events = events;
	}

	/** Starts a case's clock at acceptance: its limit ends {@code limitWorkdays} working days later. */
	@Transactional
	public CaseSla start(String caseNo, Instant acceptedAt, int limitWorkdays) {
		Instant due = this.calendar.due(acceptedAt, limitWorkdays);
		ClockRecord clock = new ClockRecord(caseNo, null, acceptedAt, limitWorkdays, due,
				Light.DEFAULT_YELLOW_WORKDAYS, yellowAt(due, Light.DEFAULT_YELLOW_WORKDAYS), 0, null, null, 0, null);
		this.mapper.insert(clock);
		this.events.publishEvent(new CaseClockEvent.Started(caseNo, acceptedAt));
		return view(clock, EngineClock.now());
	}

	/** The case was decided (e.g. on the applicant's commitment): its limit was met now. */
	@Transactional
	public void stop(String caseNo) {
		Instant now = EngineClock.now();
		this.mapper.stop(caseNo, now);
		ClockRecord clock = this.mapper.find(caseNo);
		if (clock != null) {
			this.mapper.used(caseNo, usedWorkdays(clock, clock.stoppedAt()));
			this.events.publishEvent(new CaseClockEvent.Stopped(caseNo, now));
		}
	}

	/**
	 * The case's process ended: the clock records when, and the working days the case used up to
	 * its decision (the stop, if it was decided earlier), without the paused ones. The statistics
	 * read these two columns rather than counting working days per case at query time.
	 */
	@Transactional
	public void finish(String caseNo, Instant at) {
		ClockRecord clock = this.mapper.find(caseNo);
		if (clock == null) {
			return;
		}
		Instant decided = clock.stoppedAt() != null ? clock.stoppedAt() : at;
		this.mapper.finished(caseNo, at, usedWorkdays(clock, decided));
		this.events.publishEvent(new CaseClockEvent.Finished(caseNo, at));
	}

	private int usedWorkdays(ClockRecord clock, Instant decided) {
		int elapsed = this.calendar.workdaysBetween(LocalDate.ofInstant(clock.startedAt(), EngineClock.ZONE),
				LocalDate.ofInstant(decided, EngineClock.ZONE));
		return Math.max(0, elapsed - clock.pausedWorkdays());
	}

	@Transactional
	public void linkProcess(String caseNo, String processInstanceId) {
		this.mapper.linkProcess(caseNo, processInstanceId);
	}

	/** A case's time limit now, or as it stood at {@code asOf} (when the case was completed). */
	public Optional<CaseSla> of(String caseNo, Instant asOf) {
		Instant at = asOf == null ? EngineClock.now() : asOf;
		return Optional.ofNullable(this.mapper.find(caseNo)).map(clock -> view(clock, at));
	}

	Instant due(String caseNo) {
		ClockRecord clock = this.mapper.find(caseNo);
		if (clock == null) {
			throw new IllegalStateException("办件 " + caseNo + " 没有计时 / case " + caseNo + " has no clock");
		}
		return clock.dueAt();
	}

	int yellowWorkdays(String caseNo) {
		ClockRecord clock = this.mapper.find(caseNo);
		return clock == null ? Light.DEFAULT_YELLOW_WORKDAYS : clock.yellowWorkdays();
	}

	/**
	 * Stops the clock. Every pending timer of the case's process but those of the pausing element
	 * ({@code keepExecutionId}, e.g. its own deadline) is held, so no warning fires for time that
	 * does not count.
	 */
	@Transactional
	public void pause(String caseNo, PauseKind kind, String stepId, String stepName, String note,
			String keepExecutionId) {
		ClockRecord clock = this.mapper.lock(caseNo);
		if (clock == null) {
			return;
		}
		Instant now = EngineClock.now();
		if (clock.pauseDepth() == 0) {
			this.mapper.paused(caseNo, 1, now, kind);
			this.mapper.insertPause(caseNo, kind, now);
			holdTimers(clock.processInstanceId(), keepExecutionId);
			this.events.publishEvent(new CaseClockEvent.Paused(caseNo, now, kind, stepId, stepName, note));
		}
		else {
			this.mapper.paused(caseNo, clock.pauseDepth() + 1, clock.pausedSince(), clock.pauseKind());
		}
	}

	/**
	 * Stops a running clock by hand (a 特别程序 an approver starts): the clock's row is locked first,
	 * so of two starts at once one stops it and the other finds it stopped. False, and nothing
	 * changed, when it already stands still.
	 */
	@Transactional
	public boolean pauseRunning(String caseNo, PauseKind kind, String stepId, String stepName, String note) {
		ClockRecord clock = this.mapper.lock(caseNo);
		if (clock == null || clock.pauseDepth() > 0) {
			return false;
		}
		pause(caseNo, kind, stepId, stepName, note, null);
		return true;
	}

	/** For the cases whose clocks stand still: since when. Lights of their steps freeze there too. */
	public Map<String, Instant> pausedSince(List<String> caseNos) {
		Map<String, Instant> paused = new HashMap<>();
		if (!caseNos.isEmpty()) {
			this.mapper.pausedAmong(caseNos).forEach(clock -> paused.put(clock.caseNo(), clock.pausedSince()));
		}
		return paused;
	}

	/** The kind of pause the case is in, if its clock stands still. */
	public Optional<PauseKind> pausedFor(String caseNo) {
		ClockRecord clock = this.mapper.find(caseNo);
		return clock == null || clock.pauseDepth() == 0 ? Optional.empty() : Optional.ofNullable(clock.pauseKind());
	}

	/**
	 * Runs the clock again: the working days in (day paused, day resumed] did not count, so the
	 * case's due date, its held timers and its open tasks' due dates move by that many.
	 */
	@Transactional
	public void resume(String caseNo) {
		ClockRecord clock = this.mapper.lock(caseNo);
		if (clock == null || clock.pauseDepth() == 0) {
			return;
		}
		if (clock.pauseDepth() > 1) {
			this.mapper.paused(caseNo, clock.pauseDepth() - 1, clock.pausedSince(), clock.pauseKind());
			return;
		}
		Instant now = EngineClock.now();
		int paused = Math.max(0, this.calendar.workdaysBetween(LocalDate.ofInstant(clock.pausedSince(), EngineClock.ZONE),
				LocalDate.ofInstant(now, EngineClock.ZONE)));
		Instant newDue = this.calendar.shift(clock.dueAt(), paused);
		this.mapper.resumed(caseNo, newDue, yellowAt(newDue, clock.yellowWorkdays()), paused);
		this.mapper.endPauses(caseNo, now, paused);
		releaseTimers(clock.processInstanceId(), paused);
		this.events.publishEvent(new CaseClockEvent.Resumed(caseNo, now, clock.pauseKind(), paused, newDue));
	}

	private void holdTimers(String processInstanceId, String keepExecutionId) {
		if (processInstanceId == null) {
			return;
		}
		CommandContext command = Context.getCommandContext();
		for (Job job : this.management.createJobQuery().processInstanceId(processInstanceId).timers().active().list()) {
			// inside the engine's command (a diagram's pause), the timers of the step the pause
			// interrupted are already deleted but not yet flushed: leave them alone
			boolean deleted = command != null && command.getDbEntityManager().getDbEntityCache().isDeleted((DbEntity) job);
			if (!deleted && !Objects.equals(job.getExecutionId(), keepExecutionId)) {
				this.management.suspendJobById(job.getId());
			}
		}
	}

	/** Held timers run again, the paused working days later; so do the open tasks' due dates. */
	private void releaseTimers(String processInstanceId, int workdays) {
		if (processInstanceId == null) {
			return;
		}
		for (Job job : this.management.createJobQuery().processInstanceId(processInstanceId).timers().suspended().list()) {
			if (job.getDuedate() != null && workdays > 0) {
				this.management.setJobDuedate(job.getId(),
						Date.from(this.calendar.shift(job.getDuedate().toInstant(), workdays)));
			}
			this.management.activateJobById(job.getId());
		}
		if (workdays == 0) {
			return;
		}
		for (Task task : this.tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
			if (task.getDueDate() != null) {
				task.setDueDate(Date.from(this.calendar.shift(task.getDueDate().toInstant(), workdays)));
				this.tasks.saveTask(task);
			}
		}
	}

	private Instant yellowAt(Instant due, int yellowWorkdays) {
		return Light.turnsYellowAt(this.calendar, due, yellowWorkdays);
	}

	private CaseSla view(ClockRecord clock, Instant now) {
		boolean paused = clock.pauseDepth() > 0;
		// while paused, or once decided, the clock stands still: light and days left are those of that moment
		Instant at = clock.stoppedAt() != null ? clock.stoppedAt() : paused ? clock.pausedSince() : now;
		return new CaseSla(clock.caseNo(), clock.limitWorkdays(), clock.dueAt(), WorkdayCalendar.lastDayOf(clock.dueAt()),
				this.calendar.workdaysLeft(at, clock.dueAt()), Light.of(this.calendar, at, clock.dueAt(),
						clock.yellowWorkdays()),
				paused, paused ? clock.pauseKind() : null, clock.pausedWorkdays(),
				this.calendar.provisionalBetween(clock.startedAt(), clock.dueAt()));
	}

}
