package cn.gov.ouhai.approval.cases;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.ouhai.approval.PlatformTest;

/**
 * The paths of the two licence diagrams (食品经营许可, 公共场所卫生许可) and the window diagram
 * (个体工商户设立登记), as deployed from {@code process-models/}: started by intake, steps
 * completed with decisions, the end reached asserted by element id.
 */
@PlatformTest
class LicenceProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Intake intake;

	@BeforeEach
	void bindAssertions() {
		AbstractAssertions.init(this.engine);
	}

	@AfterEach
	void unbindAssertions() {
		AbstractAssertions.reset();
	}

	@Test
	void grantsAndIssuesTheFoodLicence() {
		ProcessInstance instance = accept("SCJG-SPJY-001", List.of("M01", "M02", "M03", "M04", "M05"));
		assertThat(instance).isWaitingAt("Task_ReviewMaterials");
		assertThat(task()).hasCandidateGroup("dept-scjg");
		complete(task(), withVariables("decision", "APPROVE"));
		assertThat(instance).isWaitingAt("Task_DecideLicence");
		assertThat(task()).hasCandidateGroup("head-scjg");
		complete(task(), withVariables("decision", "APPROVE"));
		complete(task(), withVariables("decision", "APPROVE"));
		assertThat(instance).hasPassedInOrder("StartEvent_ApplicationAccepted", "Task_ReviewMaterials",
				"Task_DecideLicence", "Task_IssueLicence", "EndEvent_LicenceIssued")
			.hasNotPassed("EndEvent_LicenceDenied")
			.isEnded();
	}

	@Test
	void deniesTheFoodLicenceWhenTheReviewFails() {
		ProcessInstance instance = accept("SCJG-SPJY-001", List.of("M01", "M02", "M03", "M04", "M05"));
		complete(task(), withVariables("decision", "DENY"));
		assertThat(instance).hasPassed("EndEvent_LicenceDenied").hasNotPassed("Task_DecideLicence").isEnded();
	}

	@Test
	void returnsTheHygieneLicenceForAnotherReview() {
		ProcessInstance instance = accept("WJJ-GGCS-001", List.of("M01", "M02", "M03", "M04", "M05"));
		assertThat(task()).hasCandidateGroup("dept-wjj");
		complete(task(), withVariables("decision", "APPROVE"));
		assertThat(task()).hasCandidateGroup("head-wjj");
		complete(task(), withVariables("decision", "RETURN"));
		assertThat(instance).isWaitingAt("Task_ReviewMaterials");
		complete(task(), withVariables("decision", "APPROVE"));
		complete(task(), withVariables("decision", "DENY"));
		assertThat(instance).hasPassedInOrder("Task_DecideLicence", "Gateway_ReviewJoin", "Task_ReviewMaterials", "Task_DecideLicence", "Gateway_DenyJoin", "EndEvent_LicenceDenied")
			.isEnded();
	}

	@Test
	void decidesTheRegistrationAtTheWindow() {
		ProcessInstance instance = accept("SCJG-GTDJ-001", List.of("M01", "M02", "M03", "M04"));
		// 受办合一: the township window that received it decides it
		assertThat(task()).hasCandidateGroup("window");
		complete(task(), withVariables("decision", "APPROVE"));
		assertThat(instance).hasPassed("EndEvent_BusinessRegistered").isEnded();
	}

	private ProcessInstance accept(String matter, List<String> materials) {
		boolean person = matter.equals("SCJG-GTDJ-001");
		IntakeRequest request = new IntakeRequest("process-" + System.nanoTime(), matter,
				person ? new IntakeRequest.Applicant(ApplicantType.PERSON, "张三", "330304199003071234", null)
						: new IntakeRequest.Applicant(ApplicantType.ORG, "温州市瓯海区测试商行", "91330304MA2L8K5Q6F", null),
				Channel.WINDOW, "OH-CENTRE",
				materials.stream().map(code -> new IntakeRequest.MaterialGiven(code, true)).toList(), false, null);
		CaseRecord record = this.intake.accept(request, "clerk").record();
		ProcessInstance instance = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(record.processInstanceId())
			.singleResult();
		assertThat(instance).isStarted().hasBusinessKey(record.caseNo()); // binds task() to this instance
		return instance;
	}

}
