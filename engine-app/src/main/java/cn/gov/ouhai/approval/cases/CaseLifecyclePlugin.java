package cn.gov.ouhai.approval.cases;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.engine.ExtensionProperties;
import cn.gov.ouhai.approval.engine.ParseListeners;

/**
 * Ties every deployed matter process to its case without wiring listeners by hand in diagrams:
 * a process started from a Tasklist start form registers its case; every completed user task goes
 * on the case's timeline; an end event with the extension property {@code caseStatus} (e.g.
 * {@code COMPLETED}, {@code DENIED}) gives the case its final status.
 */
@Component
class CaseLifecyclePlugin extends AbstractProcessEnginePlugin {

	static final String CASE_STATUS_PROPERTY = "caseStatus";

	// Providers: the plugin is built before the engine, the services after it.
	private final ObjectProvider<Cases> cases;

	private final ObjectProvider<StartFormIntake> startFormIntake;

	CaseLifecyclePlugin(ObjectProvider<Cases> cases, ObjectProvider<StartFormIntake> startFormIntake) {
		this.cases = cases;
		this.startFormIntake = startFormIntake;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		ParseListeners.addAfterEngine(config, new ParseListener());
	}

	private class ParseListener extends AbstractBpmnParseListener {

		@Override
		public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
			processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
					(ExecutionListener) execution -> CaseLifecyclePlugin.this.startFormIntake.getObject().registerIfStartedByForm(execution));
		}

		@Override
		public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CaseLifecyclePlugin::prepareStep);
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::recordStep);
		}

		@Override
		public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			Map<String, String> properties = ExtensionProperties.of(element);
			String status = properties.get(CASE_STATUS_PROPERTY);
			if (status == null) {
				return;
			}
			CaseStatus caseStatus = CaseStatus.valueOf(status.trim());
			String name = element.attribute("name") != null ? element.attribute("name") : activity.getId();
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> finish(execution, caseStatus,
					activity.getId(), name));
		}

		private void recordStep(DelegateTask task) {
			String caseNo = CaseVariables.caseNo(task);
			if (caseNo == null) {
				return;
			}
			Object decision = task.getVariable(CaseVariables.DECISION);
			Object opinion = task.getVariable(CaseVariables.OPINION);
			CaseLifecyclePlugin.this.cases.getObject()
				.stepCompleted(caseNo, task.getTaskDefinitionKey(), task.getName(), actor(task),
						decision == null ? null : decision.toString(), opinion == null ? null : opinion.toString());
		}

		private void finish(DelegateExecution execution, CaseStatus status, String endId, String endName) {
			String caseNo = CaseVariables.caseNo(execution);
			if (caseNo != null) {
				CaseLifecyclePlugin.this.cases.getObject().finished(caseNo, status, endId, endName);
			}
		}

	}

	/** Tasks of green-channel cases (绿色通道) come before the others of the same light. */
	static final int GREEN_CHANNEL_PRIORITY = 80;

	/**
	 * A new step starts without the last one's decision (a step's decision belongs to that step),
	 * and with the green channel's priority when the case has it.
	 */
	private static void prepareStep(DelegateTask task) {
		task.getExecution().removeVariable(CaseVariables.DECISION);
		task.getExecution().removeVariable(CaseVariables.OPINION);
		if (Boolean.TRUE.equals(task.getVariable(CaseVariables.GREEN_CHANNEL))) {
			task.setPriority(GREEN_CHANNEL_PRIORITY);
		}
	}

	private static String actor(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return current == null ? null : current.getUserId();
	}

}
