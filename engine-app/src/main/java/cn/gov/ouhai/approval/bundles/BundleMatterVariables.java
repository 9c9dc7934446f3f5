package cn.gov.ouhai.approval.bundles;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.cases.Intake;

/**
 * What the bundle's call activity passes to each matter's process
 * ({@code camunda:variableMappingDelegateExpression="${bundleMatterVariables}"}): the variables the
 * matter's process starts with when taken in alone, plus the bundle's case number and the release
 * flag its certificate waits for. Nothing comes back: a matter's outcome is its case's status.
 */
@Component("bundleMatterVariables")
class BundleMatterVariables implements DelegateVariableMapping {

	private final Intake intake;

	BundleMatterVariables(Intake intake) {
		this.intake = intake;
	}

	@Override
	public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
		String childCaseNo = (String) superExecution.getVariable(BundleVariables.CHILD_CASE_NO);
		subVariables.putAll(this.intake.processVariablesOf(childCaseNo));
		subVariables.put(BundleVariables.BUNDLE_CASE_NO, superExecution.getProcessBusinessKey());
		subVariables.put(BundleVariables.BUNDLE_RELEASED, false);
	}

	@Override
	public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
		// nothing: the bundle reads its matters' outcomes from their cases
	}

}
