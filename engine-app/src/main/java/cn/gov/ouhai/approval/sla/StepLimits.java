package cn.gov.ouhai.approval.sla;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.engine.ModelProperties;

/**
 * A step's time limit as the analyst set it in the diagram: extension properties
 * {@code sla.workdays} (the step's limit) and {@code sla.yellowWorkdays} (yellow when this many
 * working days or fewer are left; default 1). Read once per process version and step.
 */
@Component
public class StepLimits {

	public static final String WORKDAYS = "sla.workdays";

	public static final String YELLOW_WORKDAYS = "sla.yellowWorkdays";

	private final RepositoryService repository;

	private final Map<String, StepLimit> cache = new ConcurrentHashMap<>();

	StepLimits(RepositoryService repository) {
		this.repository = repository;
	}

	/** The limit of a step, or {@code null} when the diagram sets none. */
	public StepLimit of(String processDefinitionId, String activityId) {
		StepLimit limit = this.cache.computeIfAbsent(processDefinitionId + "/" + activityId, key -> {
			FlowElement element = this.repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
			return read(element);
		});
		return limit == StepLimit.NONE ? null : limit;
	}

	/** Any extension property of a step, as the diagram sets it; {@code null} if absent. */
	public String property(String processDefinitionId, String activityId, String name) {
		FlowElement element = this.repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
		return element == null ? null : ModelProperties.of(element, name);
	}

	/** The step a boundary event hangs on is the step; any other element is its own step. */
	static StepLimit read(FlowElement element) {
		FlowElement step = element instanceof BoundaryEvent boundary ? boundary.getAttachedTo() : element;
		if (step == null) {
			return StepLimit.NONE;
		}
		String workdays = ModelProperties.of(step, WORKDAYS);
		if (workdays == null) {
			return StepLimit.NONE;
		}
		String yellow = ModelProperties.of(step, YELLOW_WORKDAYS);
		try {
			return new StepLimit(step.getId(), step.getName(), Integer.parseInt(workdays.trim()),
					yellow == null ? Light.DEFAULT_YELLOW_WORKDAYS : Integer.parseInt(yellow.trim()));
		}
		catch (NumberFormatException e) {
			throw new IllegalStateException("环节 " + step.getId() + " 的时限不是整数 / step " + step.getId()
					+ ": sla.workdays and sla.yellowWorkdays must be whole numbers");
		}
	}

	/** A step's limit in working days and its yellow threshold. */
	public record StepLimit(String stepId, String stepName, int workdays, int yellowWorkdays) {

		static final StepLimit NONE = new StepLimit(null, null, -1, -1);

	}

}
