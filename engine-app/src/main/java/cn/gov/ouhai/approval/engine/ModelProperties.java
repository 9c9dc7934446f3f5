package cn.gov.ouhai.approval.engine;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads a {@code camunda:property} of a deployed model's element (the model API's view of it). */
public final class ModelProperties {

	private ModelProperties() {
	}

	/** The value of the element's extension property {@code name}, or {@code null}. */
	public static String of(BaseElement element, String name) {
		if (element == null || element.getExtensionElements() == null) {
			return null;
		}
		for (CamundaProperties properties : element.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()) {
			for (CamundaProperty property : properties.getCamundaProperties()) {
				if (name.equals(property.getCamundaName())) {
					return property.getCamundaValue();
				}
			}
		}
		return null;
	}

}
