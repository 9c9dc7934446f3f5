package cn.gov.ouhai.approval.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Material;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.catalog.MatterKind;
import cn.gov.ouhai.approval.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Intake from a matter's start form in Tasklist. The form's fields arrive as variables: the
 * applicant's personal data as {@code pii_*} (kept out of history), materials as
 * {@code material_<code>} booleans. They become the case row, and only the case number stays in
 * the process.
 */
@Component
class StartFormIntake {

	static final String APPLICANT_TYPE = "applicantType";

	static final String APPLICANT_NAME = "pii_applicantName";

	static final String ID_NUMBER = "pii_idNumber";

	static final String PHONE = "pii_phone";

	static final String STATION = "station";

	static final String COMMITMENT = "commitment";

	static final String MATERIAL_PREFIX = "material_";

	private final Catalog catalog;

	private final Intake intake;

	private final Validator validator;

	private final ObjectProvider<BundleStartForm> bundles;

	StartFormIntake(Catalog catalog, Intake intake, Validator validator, ObjectProvider<BundleStartForm> bundles) {
		this.catalog = catalog;
		this.intake = intake;
		this.validator = validator;
		this.bundles = bundles;
	}

	void registerIfStartedByForm(DelegateExecution execution) {
		if (execution.hasVariable(CaseVariables.CASE_NO)) {
			if (((ExecutionEntity) execution).getSuperExecution() != null) {
				// a matter of a bundle (一件事), registered by the bundle's intake, started by its call activity
				this.intake.linkProcess(CaseVariables.caseNo(execution), execution.getProcessInstanceId());
			}
			return; // started by intake, which registered the case already
		}
		String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
		Matter matter = this.catalog.matterOfProcess(processKey)
			.orElseThrow(() -> new IllegalStateException(
					"流程 " + processKey + " 不属于任何事项，不能直接启动 / process " + processKey + " belongs to no matter"));
		IntakeRequest request = requestFrom(execution, matter);
		Map<String, String> fields = new LinkedHashMap<>();
		for (ConstraintViolation<IntakeRequest> violation : this.validator.validate(request)) {
			fields.putIfAbsent(formField(violation.getPropertyPath().toString()), violation.getMessage());
		}
		if (!fields.isEmpty()) {
			throw new FormFieldValidationException("intake", "受理表单有误 / The intake form has invalid fields: " + fields);
		}
		Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		Map<String, Object> variables;
		try {
			String clerk = user == null ? "tasklist" : user.getUserId();
			variables = matter.kind() == MatterKind.BUNDLE
					? this.bundles.getObject().acceptStarted(request, matter, execution, clerk)
					: this.intake.acceptStarted(request, matter, clerk, execution.getProcessInstanceId());
		}
		catch (ApiException refused) {
			// Tasklist shows a form validation failure's message; /engine-rest answers it with 400
			throw new FormFieldValidationException("intake", refused.getMessage()
					+ (refused.fields().isEmpty() ? "" : " " + refused.fields()));
		}
		List<String> formVariables = new ArrayList<>();
		for (String name : execution.getVariableNames()) {
			if (name.startsWith("pii_") || name.startsWith(MATERIAL_PREFIX) || name.equals(APPLICANT_TYPE)
					|| name.equals(STATION) || name.equals(COMMITMENT)) {
				formVariables.add(name);
			}
		}
		execution.removeVariables(formVariables);
		execution.setVariables(variables);
		((ExecutionEntity) execution).getProcessInstance()
			.setBusinessKey((String) variables.get(CaseVariables.CASE_NO));
	}

	private static IntakeRequest requestFrom(DelegateExecution execution, Matter matter) {
		ApplicantType type = null;
		Object typeValue = execution.getVariable(APPLICANT_TYPE);
		if (typeValue != null) {
			try {
				type = ApplicantType.valueOf(typeValue.toString());
			}
			catch (IllegalArgumentException unknown) {
				throw new FormFieldValidationException(APPLICANT_TYPE, "申请人类型有误，取值 PERSON 或 ORG / unknown applicant type: " + typeValue);
			}
		}
		List<IntakeRequest.MaterialGiven> materials = new ArrayList<>();
		for (Material material : matter.materials()) {
			materials.add(new IntakeRequest.MaterialGiven(material.code(),
					Boolean.TRUE.equals(execution.getVariable(MATERIAL_PREFIX + material.code()))));
		}
		Object station = execution.getVariable(STATION);
		return new IntakeRequest("tasklist-" + execution.getProcessInstanceId(), matter.code(),
				new IntakeRequest.Applicant(type, text(execution, APPLICANT_NAME), text(execution, ID_NUMBER),
						text(execution, PHONE)),
				Channel.WINDOW, station == null ? null : station.toString(), materials,
				Boolean.TRUE.equals(execution.getVariable(COMMITMENT)), null);
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

	private static String formField(String path) {
		return switch (path) {
			case "applicant.type" -> APPLICANT_TYPE;
			case "applicant.name" -> APPLICANT_NAME;
			case "applicant.idNumber" -> ID_NUMBER;
			case "applicant.phone" -> PHONE;
			default -> path;
		};
	}

}
