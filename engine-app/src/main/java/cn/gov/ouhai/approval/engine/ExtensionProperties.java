package cn.gov.ouhai.approval.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** The {@code camunda:properties} of a diagram element, as the analyst set them in the Modeler. */
public final class ExtensionProperties {

	private ExtensionProperties() {
	}

	public static Map<String, String> of(Element element) {
		Map<String, String> properties = new LinkedHashMap<>();
		Element extensions = element.element("extensionElements");
		if (extensions == null) {
			return properties;
		}
		Element list = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (list == null) {
			return properties;
		}
		for (Element property : list.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
			String name = property.attribute("name");
			if (name != null) {
				properties.put(name, property.attribute("value"));
			}
		}
		return properties;
	}

}
