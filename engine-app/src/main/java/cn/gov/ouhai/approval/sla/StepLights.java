package cn.gov.ouhai.approval.sla;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** A step's light by {@link Light}'s rule and the step's own threshold in its diagram ({@code sla.yellowWorkdays}). */
@Component
public class StepLights {

	private final WorkdayCalendar calendar;

	private final StepLimits steps;

	StepLights(WorkdayCalendar calendar, StepLimits steps) {
		this.calendar = calendar;
		this.steps = steps;
	}

	/** The light of a step due at {@code due}, as it stands at {@code at}. */
	public Light of(String processDefinitionId, String stepId, Instant at, Instant due) {
		return Light.of(this.calendar, at, due, yellowWorkdays(processDefinitionId, stepId));
	}

	/** The step's yellow threshold: its diagram's, or the default (1 working day). */
	public int yellowWorkdays(String processDefinitionId, String stepId) {
		StepLimits.StepLimit limit = this.steps.of(processDefinitionId, stepId);
		return limit == null ? Light.DEFAULT_YELLOW_WORKDAYS : limit.yellowWorkdays();
	}

}
