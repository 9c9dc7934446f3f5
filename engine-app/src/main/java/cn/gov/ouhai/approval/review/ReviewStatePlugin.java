package cn.gov.ouhai.approval.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.engine.ExtensionProperties;
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
		ParseListeners.addAfterEngine(config, new ParseListener());
	}

	private class ParseListener extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			attach(element, activity);
		}

		@Override
		public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			attach(element, activity);
		}

		@Override
		public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			attach(element, activity);
		}

		private void attach(Element element, ActivityImpl activity) {
			String value = ExtensionProperties.of(element).get(STATE_PROPERTY);
			if (value == null) {
				return;
			}
			ReviewState state;
			try {
				state = ReviewState.valueOf(value.trim());
			}
			catch (IllegalArgumentException unknown) {
				throw new IllegalArgumentException("环节 " + activity.getId() + " 的 reviewState 取值 " + value
						+ " 无效 / unknown reviewState value");
			}
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
					(ExecutionListener) execution -> move(execution, state));
		}

		private void move(DelegateExecution execution, ReviewState state) {
			Object id = execution.getVariable(Rectification.REVIEW_ID);
			if (id instanceof Number reviewId) {
				ReviewStatePlugin.this.reviews.getObject().moveTo(reviewId.longValue(), state);
			}
		}

	}

}
