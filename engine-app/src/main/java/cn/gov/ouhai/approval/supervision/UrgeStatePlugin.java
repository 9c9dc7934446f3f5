package cn.gov.ouhai.approval.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.engine.ParseListeners;

/**
 * The urge diagram's end events say how an urge ended (extension property {@code urgeState}):
 * answered, or overdue when its timer ran out first. Answers given in Tasklist are recorded too.
 */
@Component
class UrgeStatePlugin extends AbstractProcessEnginePlugin {

	static final String STATE_PROPERTY = "urgeState";

	// the plugin is built before the engine, the service after it
	private final ObjectProvider<Urges> urges;

	UrgeStatePlugin(ObjectProvider<Urges> urges) {
		this.urges = urges;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		ParseListeners.addAfterEngine(config, ParseListeners.stateOnStart(STATE_PROPERTY, UrgeState.class, this::reached));
	}

	private void reached(DelegateExecution execution, UrgeState state) {
		Object id = execution.getVariable(Urges.URGE_ID);
		if (id instanceof Number urgeId) {
			Object opinion = execution.getVariable("opinion");
			Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			this.urges.getObject()
				.reached(urgeId.longValue(), state, opinion == null ? null : opinion.toString(),
						user == null ? null : user.getUserId());
		}
	}

}
