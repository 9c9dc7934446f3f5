package cn.gov.ouhai.approval.sla;

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
		public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			attach(element, activity);
		}

		@Override
		public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
			attach(element, activity);
		}

		@Override
		public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
			attach(element, activity);
		}

		private void attach(Element element, ActivityImpl activity) {
			String value = ExtensionProperties.of(element).get(PAUSE_PROPERTY);
			if (value == null) {
				return;
			}
			PauseKind kind;
			try {
				kind = PauseKind.valueOf(value.trim());
			}
			catch (IllegalArgumentException unknown) {
				throw new IllegalArgumentException("环节 " + activity.getId() + " 的 sla.pause 取值 " + value
						+ " 无效，应为 SUPPLEMENT 或 SPECIAL_PROCEDURE / unknown sla.pause value");
			}
			String name = element.attribute("name") != null ? element.attribute("name") : activity.getId();
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
					(ExecutionListener) execution -> pause(execution, kind, activity.getId(), name));
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::resume);
		}

		private void pause(DelegateExecution execution, PauseKind kind, String stepId, String stepName) {
			String caseNo = execution.getProcessBusinessKey();
			if (caseNo != null) {
				ClockPausePlugin.this.clocks.getObject()
					.pause(caseNo, kind, stepId, stepName, null, execution.getId());
			}
		}

		private void resume(DelegateExecution execution) {
			String caseNo = execution.getProcessBusinessKey();
			if (caseNo != null) {
				ClockPausePlugin.this.clocks.getObject().resume(caseNo);
			}
		}

	}

}
