package cn.gov.ouhai.approval.bundles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.stereotype.Component;

/**
 * 情形引导: a bundle's questions are the inputs of its decision table (label: the question; input
 * variable: the answer's key), so an analyst who adds a question in the table adds it everywhere.
 * The table answers the matter codes the application needs (hit policy COLLECT).
 */
@Component
class Questionnaires {

	static final String MATTER_CODE = "matterCode";

	private final RepositoryService repository;

	private final DecisionService decisions;

	Questionnaires(RepositoryService repository, DecisionService decisions) {
		this.repository = repository;
		this.decisions = decisions;
	}

	List<Question> questions(String decisionKey) {
		DecisionDefinition definition = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(decisionKey)
			.latestVersion()
			.singleResult();
		DmnModelInstance model = this.repository.getDmnModelInstance(definition.getId());
		Decision decision = model.getModelElementById(decisionKey);
		List<Question> questions = new ArrayList<>();
		for (Input input : ((DecisionTable) decision.getExpression()).getInputs()) {
			String key = input.getCamundaInputVariable() != null ? input.getCamundaInputVariable()
					: input.getInputExpression().getText().getTextContent().trim();
			questions.add(new Question(key, input.getLabel(), input.getInputExpression().getTypeRef()));
		}
		return questions;
	}

	/** The matter codes the answers need, as the table collects them. */
	List<String> matters(String decisionKey, Map<String, Object> answers) {
		return this.decisions.evaluateDecisionTableByKey(decisionKey)
			.variables(answers)
			.evaluate()
			.collectEntries(MATTER_CODE)
			.stream()
			.map(Object::toString)
			.distinct()
			.toList();
	}

	/** One question: the answer's key, the question as the applicant reads it, its type (boolean). */
	record Question(String key, String text, String type) {
	}

}
