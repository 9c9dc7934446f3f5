package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * The bean diagrams call for time limits, as {@code ${sla.…}} in user task due dates and timer
 * {@code timeDate}s. Every answer counts working days on the calendar and reads the engine clock,
 * so an analyst changes a number in the Modeler, and tests move time.
 *
 * <ul>
 * <li>{@code ${sla.stepDue(execution)}}: the step's limit ({@code sla.workdays}) from now;</li>
 * <li>{@code ${sla.stepYellow(execution)}}: when the step turns yellow ({@code sla.yellowWorkdays});</li>
 * <li>{@code ${sla.stepOverdueBy(execution, 1)}}: one more working day after the step's limit;</li>
 * <li>{@code ${sla.caseDue(execution)}}, {@code ${sla.beforeCaseDue(execution, 1)}}: the case's limit;</li>
 * <li>{@code ${sla.workdaysFromNow(5)}}: the end of the 5th working day from today.</li>
 * </ul>
 */
@Component("sla")
public class SlaExpressions {

	private final WorkdayCalendar calendar;

	private final StepLimits steps;

	private final CaseClocks clocks;

	SlaExpressions(WorkdayCalendar calendar, StepLimits steps, CaseClocks clocks) {
		this.calendar = calendar;
		this.steps = steps;
		this.clocks = clocks;
	}

	public Date stepDue(DelegateExecution execution) {
		return Date.from(stepDueInstant(execution));
	}

	public Date stepYellow(DelegateExecution execution) {
		return Date.from(Light.turnsYellowAt(this.calendar, stepDueInstant(execution), limit(execution).yellowWorkdays()));
	}

	public Date stepOverdueBy(DelegateExecution execution, int workdays) {
		LocalDate last = WorkdayCalendar.lastDayOf(stepDueInstant(execution));
		return Date.from(WorkdayCalendar.endOf(this.calendar.addWorkdays(last, workdays)));
	}

	public Date caseDue(DelegateExecution execution) {
		return Date.from(this.clocks.due(execution.getProcessBusinessKey()));
	}

	public Date beforeCaseDue(DelegateExecution execution, int workdays) {
		LocalDate last = WorkdayCalendar.lastDayOf(this.clocks.due(execution.getProcessBusinessKey()));
		return Date.from(WorkdayCalendar.endOf(this.calendar.subtractWorkdays(last, workdays)));
	}

	/**
	 * The deadline for materials owed under 容缺受理: {@code workdays} working days from now but never
	 * past the case's own limit (RULES.md), then {@code graceWorkdays} more (e.g. after a reminder).
	 */
	public Date deficiencyDeadline(DelegateExecution execution, int workdays, int graceWorkdays) {
		Instant deadline = this.calendar.due(EngineClock.now(), workdays);
		Instant caseDue = this.clocks.due(execution.getProcessBusinessKey());
		if (caseDue.isBefore(deadline)) {
			deadline = caseDue;
		}
		return Date.from(this.calendar.shift(deadline, graceWorkdays));
	}

	/** The end of the day N calendar days from today (e.g. 告知承诺's 60-day verification period). */
	public Date calendarDaysFromNow(int days) {
		return Date.from(WorkdayCalendar.endOf(EngineClock.today().plusDays(days)));
	}

	public Date workdaysFromNow(int workdays) {
		return Date.from(this.calendar.due(EngineClock.now(), workdays));
	}

	private Instant stepDueInstant(DelegateExecution execution) {
		return this.calendar.due(EngineClock.now(), limit(execution).workdays());
	}

	private StepLimits.StepLimit limit(DelegateExecution execution) {
		FlowElement element = execution.getBpmnModelElementInstance();
		StepLimits.StepLimit limit = element == null ? null
				: this.steps.of(execution.getProcessDefinitionId(), element.getId());
		if (limit == null) {
			throw new IllegalStateException("环节 " + (element == null ? "?" : element.getId())
					+ " 没有设置办理时限（扩展属性 sla.workdays） / the step has no sla.workdays property");
		}
		return limit;
	}

}
