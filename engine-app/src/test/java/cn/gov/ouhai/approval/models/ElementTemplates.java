package cn.gov.ouhai.approval.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.engine.ModelProperties;

/**
 * The element templates of {@code process-models/.camunda/element-templates/} as the Camunda Modeler
 * applies them: for every element that names one ({@code camunda:modelerTemplate}), the field errors
 * its properties panel would show in red (notEmpty, minLength, maxLength, pattern, as in
 * bpmn-js-element-templates' validateProperty), a Dropdown value that is not one of its choices, a
 * Hidden value the diagram changed, a template the element type may not use or that does not exist
 * in the version the element names.
 */
final class ElementTemplates {

	private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private final Map<String, JsonNode> byId = new HashMap<>();

	ElementTemplates(Path directory) throws IOException {
		ObjectMapper json = new ObjectMapper();
		try (var files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode root = json.readTree(file.toFile());
				for (JsonNode template : root.isArray() ? root : json.createArrayNode().add(root)) {
					this.byId.put(template.path("id").asText(), template);
				}
			}
		}
	}

	int size() {
		return this.byId.size();
	}

	/** Every field error in the diagram: "file: element: field: message". */
	List<String> problemsOf(String file, byte[] xml) {
		BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
		List<String> problems = new ArrayList<>();
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			String templateId = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
			if (templateId == null) {
				continue;
			}
			String where = file + ": " + element.getId() + ": ";
			JsonNode template = this.byId.get(templateId);
			if (template == null) {
				problems.add(where + "element template " + templateId + " does not exist");
				continue;
			}
			String version = element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion");
			if (template.has("version") && !template.path("version").asText().equals(version)) {
				problems.add(where + "uses version " + version + " of " + templateId + ", the template is version "
						+ template.path("version").asText());
			}
			String name = element.getElementType().getTypeName();
			String type = "bpmn:" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
			if (StreamSupport.stream(template.path("appliesTo").spliterator(), false)
				.noneMatch(t -> t.asText().equals(type))) {
				problems.add(where + templateId + " does not apply to " + type);
			}
			for (JsonNode property : template.path("properties")) {
				problems.addAll(check(where, element, property));
			}
		}
		return problems;
	}

	private static List<String> check(String where, BaseElement element, JsonNode property) {
		List<String> problems = new ArrayList<>();
		JsonNode binding = property.path("binding");
		String field = where + property.path("label").asText(binding.path("name").asText()) + " ("
				+ binding.path("name").asText() + "): ";
		String value;
		switch (binding.path("type").asText()) {
			case "property" -> {
				String name = binding.path("name").asText();
				value = name.startsWith("camunda:") ? element.getAttributeValueNs(CAMUNDA, name.substring(8))
						: element.getAttributeValue(name);
			}
			case "camunda:property" -> value = ModelProperties.of(element, binding.path("name").asText());
			default -> {
				problems.add(field + "binding type " + binding.path("type").asText() + " is not checked here yet: "
						+ "teach ElementTemplates to read it");
				return problems;
			}
		}
		String text = value == null ? "" : value;
		if ("Hidden".equals(property.path("type").asText()) && property.has("value")
				&& !property.path("value").asText().equals(text)) {
			problems.add(field + "the template fixes it to " + property.path("value").asText() + ", the diagram has "
					+ text);
		}
		if ("Dropdown".equals(property.path("type").asText()) && StreamSupport
			.stream(property.path("choices").spliterator(), false)
			.noneMatch(choice -> choice.path("value").asText().equals(text))) {
			problems.add(field + text + " is not one of the choices");
		}
		JsonNode constraints = property.path("constraints");
		if (constraints.path("notEmpty").asBoolean(false) && text.isBlank()) {
			problems.add(field + "Must not be empty.");
			return problems;
		}
		if (constraints.has("minLength") && text.length() < constraints.path("minLength").asInt()) {
			problems.add(field + "Must have min length " + constraints.path("minLength").asInt() + ".");
		}
		if (constraints.has("maxLength") && text.length() > constraints.path("maxLength").asInt()) {
			problems.add(field + "Must have max length " + constraints.path("maxLength").asInt() + ".");
		}
		JsonNode pattern = constraints.path("pattern");
		if (!pattern.isMissingNode()) {
			String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText();
			if (!Pattern.compile(regex).matcher(text).find()) {
				problems.add(field + (pattern.has("message") ? pattern.path("message").asText()
						: "Must match pattern " + regex + ".") + " (" + text + ")");
			}
		}
		return problems;
	}

}
