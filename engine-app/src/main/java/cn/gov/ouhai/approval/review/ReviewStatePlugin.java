package cn.gov.ouhai.approval.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.engine.ParseListeners;

/**
 * The rectification diagram says where a review stands: an element with the extension property
 * {@code reviewState} (a step, the wait for the applicant's rating, an end) moves the review to that
 * state when the process enters it. No listener is wired by hand; an unknown value fails the
 * deployment.
 */
@Component
class ReviewStatePlugin extends AbstractProcessEnginePlugin {

	static final String STATE_PROPERTY = "reviewState";

	// the plugin is built before the engine, the service after it
	private final ObjectProvider<Reviews> reviews;

	ReviewStatePlugin(ObjectProvider<Reviews> reviews) {
		this.reviews = reviews;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		ParseListeners.addAfterEngine(config, ParseListeners.stateOnStart(STATE_PROPERTY, ReviewState.class, this::move));
	}

	private void move(DelegateExecution execution, ReviewState state) {
		Object id = execution.getVariable(Rectification.REVIEW_ID);
		if (id instanceof Number reviewId) {
			this.reviews.getObject().moveTo(reviewId.longValue(), state);
		}
	}

}
