package cn.gov.ouhai.approval.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.engine.ParseListeners;

/**
 * Pauses the case clock while the process is inside an element the diagram marks with
 * {@code sla.pause} = {@code SUPPLEMENT} or {@code SPECIAL_PROCEDURE} (a task, a receive task or a
 * sub-process): no listener is wired by hand. An unknown value fails the deployment.
 */
@Component
class ClockPausePlugin extends AbstractProcessEnginePlugin {

	static final String PAUSE_PROPERTY = "sla.pause";

	// the plugin is built before the engine, the clocks after it
	private final ObjectProvider<CaseClocks> clocks;

	ClockPausePlugin(ObjectProvider<CaseClocks> clocks) {
		this.clocks = clocks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		ParseListeners.addAfterEngine(config, ParseListeners.marked(PAUSE_PROPERTY, PauseKind.class, (activity, kind) -> {
			String name = activity.getName() != null ? activity.getName() : activity.getId();
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
					(ExecutionListener) execution -> pause(execution, kind, activity.getId(), name));
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::resume);
		}));
	}

	private void pause(DelegateExecution execution, PauseKind kind, String stepId, String stepName) {
		String caseNo = execution.getProcessBusinessKey();
		if (caseNo != null) {
			this.clocks.getObject().pause(caseNo, kind, stepId, stepName, null, execution.getId());
		}
	}

	private void resume(DelegateExecution execution) {
		String caseNo = execution.getProcessBusinessKey();
		if (caseNo != null) {
			this.clocks.getObject().resume(caseNo);
		}
	}

}
