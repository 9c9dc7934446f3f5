package cn.gov.ouhai.approval.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a deployment, before anything of it is stored, that holds a script (a script task, a
 * script listener or mapping, a script condition: scripts run with the server's rights, and the
 * platform's diagrams call beans instead) or a form that is not a Camunda Form (Tasklist would fail
 * on it only when a clerk opens it), a diagram or decision table that does not parse, or any DOCTYPE
 * (external entities; the engine's parsers have XXE processing off as well). Answered as a bad
 * request, so {@code /engine-rest} says 400 with the reasons. Runs before any other check of a
 * deployment (the platform's model conventions, {@code models}), so nothing else reads a file with
 * a DOCTYPE.
 */
class DeploymentGuard implements Deployer {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew()) {
			return;
		}
		List<ModelProblem> problems = new ArrayList<>();
		java.util.Set<String> forms = formIds(deployment);
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName();
			boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
			boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
			if ((bpmn || dmn) && new String(resource.getBytes(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)
				.contains("<!DOCTYPE")) {
				problems.add(new ModelProblem(name, "-", "no-doctype", "不允许 DOCTYPE 和外部实体 / no DOCTYPE or external entities"));
			}
			else if (bpmn) {
				checkDiagram(name, resource.getBytes(), forms, problems);
			}
			else if (dmn) {
				checkDecisions(name, resource.getBytes(), problems);
			}
			else if (name.endsWith(".form")) {
				checkForm(name, resource.getBytes(), problems);
			}
		}
		if (!problems.isEmpty()) {
			// a bad request: /engine-rest answers 400 with every problem
			throw new DeploymentRefused(problems);
		}
	}

	private static void checkDiagram(String name, byte[] bytes, java.util.Set<String> forms, List<ModelProblem> problems) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (RuntimeException unreadable) {
			problems.add(new ModelProblem(name, "-", "bpmn-parses",
					"不是有效的 BPMN 2.0 / not valid BPMN 2.0 (" + unreadable.getMessage() + ")"));
			return;
		}
		checkScripts(name, model, problems);
		checkFormsTravel(name, model, forms, problems);
	}

	private static void checkScripts(String name, BpmnModelInstance model, List<ModelProblem> problems) {
		for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
			problems.add(new ModelProblem(name, task.getId(), "no-script-task", "不允许脚本任务 / script tasks are not allowed"));
		}
		for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
			problems.add(new ModelProblem(name, owner(script), "no-script",
					"不允许脚本 / scripts are not allowed (camunda:script)"));
		}
		for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
			if (condition.getLanguage() != null) {
				problems.add(new ModelProblem(name, owner(condition), "no-script-condition",
						"不允许脚本条件 / script conditions are not allowed (" + condition.getLanguage() + ")"));
			}
		}
	}

	/**
	 * A form bound by deployment must be in the same deployment (the Modeler deploys one diagram
	 * unless the forms are attached; scripts/deploy-models sends them along), else Tasklist fails
	 * when someone opens the step.
	 */
	private static void checkFormsTravel(String name, BpmnModelInstance model, java.util.Set<String> forms,
			List<ModelProblem> problems) {
		for (ModelElementInstance element : model.getModelElementsByType(
				model.getModel().getType(org.camunda.bpm.model.bpmn.instance.FlowNode.class))) {
			String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
			String binding = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding");
			if (formRef != null && "deployment".equals(binding) && !forms.contains(formRef)) {
				problems.add(new ModelProblem(name, ((BaseElement) element).getId(), "forms-travel", "表单 " + formRef
						+ " 须随流程一并部署 / form " + formRef + " (binding deployment) must be part of the same deployment"));
			}
		}
	}

	/** The ids of the deployment's forms, read once for all its diagrams. */
	private static java.util.Set<String> formIds(DeploymentEntity deployment) {
		java.util.Set<String> forms = new java.util.HashSet<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			if (resource.getName().endsWith(".form")) {
				try {
					forms.add(JSON.readTree(resource.getBytes()).path("id").asText());
				}
				catch (IOException unreadable) {
					// reported by checkForm
				}
			}
		}
		return forms;
	}

	private static void checkDecisions(String name, byte[] bytes, List<ModelProblem> problems) {
		try {
			Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (RuntimeException unreadable) {
			problems.add(new ModelProblem(name, "-", "dmn-parses",
					"不是有效的 DMN 1.3 / not valid DMN 1.3 (" + unreadable.getMessage() + ")"));
		}
	}

	private static String owner(ModelElementInstance element) {
		for (ModelElementInstance parent = element; parent != null; parent = parent.getParentElement()) {
			if (parent instanceof BaseElement base && base.getId() != null) {
				return base.getId();
			}
		}
		return "-";
	}

	private static void checkForm(String name, byte[] bytes, List<ModelProblem> problems) {
		try {
			JsonNode form = JSON.readTree(bytes);
			if (form == null || !form.isObject() || !form.path("id").isTextual() || !form.path("components").isArray()) {
				problems.add(new ModelProblem(name, "-", "camunda-form",
						"不是 Camunda 表单（须有 id 和 components）/ not a Camunda Form (needs id and components)"));
			}
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			problems.add(new ModelProblem(name, "-", "form-json", "不是有效的 JSON / not valid JSON (" + e.getOriginalMessage() + ")"));
		}
		catch (IOException e) {
			problems.add(new ModelProblem(name, "-", "form-json", "读不出 / unreadable (" + e.getMessage() + ")"));
		}
	}

}
