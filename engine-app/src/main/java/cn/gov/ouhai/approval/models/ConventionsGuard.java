package cn.gov.ouhai.approval.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.engine.DeploymentRefused;
import cn.gov.ouhai.approval.engine.ModelProblem;

/**
 * Runs the model conventions on every deployment a person makes (the Camunda Modeler's deploy,
 * {@code scripts/deploy-models}, anything through {@code /engine-rest} or the webapps: an
 * authenticated user), before anything of it is stored, and refuses it with every problem. The
 * forms a diagram uses are those deployed with it, or for a binding other than {@code deployment}
 * the latest deployed; the beans its expressions call are the running application's. What the
 * platform deploys itself (its own models at start) has passed the same rules in
 * {@code scripts/validate-models} before it was built.
 */
class ConventionsGuard implements Deployer {

	private final KnownBeans beans;

	ConventionsGuard(KnownBeans beans) {
		this.beans = beans;
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		CommandContext context = Context.getCommandContext();
		if (!deployment.isNew() || context == null || context.getAuthenticatedUserId() == null) {
			return;
		}
		Map<String, JsonNode> forms = new HashMap<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			if (resource.getName().endsWith(".form")) {
				KnownForms.read(resource.getBytes()).ifPresent(form -> forms.put(form.path("id").asText(), form));
			}
		}
		ModelConventions conventions = new ModelConventions(
				KnownForms.ofDeployment(forms, id -> latestDeployed(context, id)), this.beans);
		List<ModelProblem> problems = new ArrayList<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName();
			if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
				problems.addAll(conventions.checkDiagram(name, resource.getBytes()));
			}
			else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
				problems.addAll(conventions.checkDecisions(name, resource.getBytes()));
			}
			else if (name.endsWith(".form")) {
				problems.addAll(conventions.checkForm(name, resource.getBytes()));
			}
		}
		if (!problems.isEmpty()) {
			throw new DeploymentRefused(problems);
		}
	}

	private static Optional<JsonNode> latestDeployed(CommandContext context, String id) {
		var form = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id);
		if (form == null) {
			return Optional.empty();
		}
		ResourceEntity resource = context.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
		return resource == null ? Optional.empty() : KnownForms.read(resource.getBytes());
	}

}
