package cn.gov.ouhai.approval.bundles;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.cases.BundleStartForm;
import cn.gov.ouhai.approval.cases.IntakeRequest;
import cn.gov.ouhai.approval.catalog.Matter;

/**
 * A bundle started from its questionnaire form in Tasklist: the answers are the form's checkboxes
 * named after the questions (unticked: no); the rest is the same intake as over the API.
 */
@Component
class BundleStartFormIntake implements BundleStartForm {

	private final BundleCatalog bundles;

	private final BundleIntake intake;

	private final Questionnaires questionnaires;

	BundleStartFormIntake(BundleCatalog bundles, BundleIntake intake, Questionnaires questionnaires) {
		this.bundles = bundles;
		this.intake = intake;
		this.questionnaires = questionnaires;
	}

	@Override
	public Map<String, Object> acceptStarted(IntakeRequest request, Matter matter, DelegateExecution execution,
			String clerk) {
		Bundle bundle = this.bundles.find(matter.code()).orElseThrow();
		Map<String, Boolean> answers = new LinkedHashMap<>();
		for (Questionnaires.Question question : this.questionnaires.questions(bundle.questionnaireDecision())) {
			answers.put(question.key(), Boolean.TRUE.equals(execution.getVariable(question.key())));
		}
		BundleRequest bundleRequest = new BundleRequest(request.requestId(), request.applicant(), request.channel(),
				request.station(), answers, request.materials(), request.commitment(), request.priority());
		return this.intake.acceptStarted(bundle, bundleRequest, clerk, execution.getProcessInstanceId());
	}

}
