package cn.gov.ouhai.approval.cases;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import cn.gov.ouhai.approval.catalog.Matter;

/**
 * Intake of a one-thing bundle (一件事) started from its process's start form in Tasklist. The
 * bundles module implements it (this module does not know bundles); the form's applicant,
 * materials and commitment arrive checked as {@code request}, the answers stay in the execution.
 */
public interface BundleStartForm {

	/** Registers the bundle and its matters for the process starting now; answers its variables. */
	Map<String, Object> acceptStarted(IntakeRequest request, Matter bundle, DelegateExecution execution, String clerk);

}
