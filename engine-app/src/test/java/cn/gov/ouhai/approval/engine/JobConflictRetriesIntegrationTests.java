package cn.gov.ouhai.approval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.ouhai.approval.PlatformTest;

/**
 * A job that loses an optimistic-locking conflict (another node or thread changed the same
 * execution first) is retried without using up its retries, so however often it collides it never
 * becomes an incident; any other failure uses one retry per attempt and ends as an incident. This is
 * Camunda 7.24's own handling on the platform's engine configuration; the cluster test
 * ({@code TwoNodeClusterMySqlIntegrationTests}) sees real conflicts between two nodes. Here the
 * conflicts are thrown by the step itself, more often than a job has retries.
 */
@PlatformTest
class JobConflictRetriesIntegrationTests {

	static final String PROCESS = "Process_JobConflictCheck";

	/** Attempts left that fail, and how: shared with the delegate the engine instantiates by class name. */
	static final AtomicInteger failuresLeft = new AtomicInteger();

	static volatile boolean conflict;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@AfterEach
	void removeTheModel() {
		this.repository.createDeploymentQuery()
			.deploymentName(PROCESS)
			.list()
			.forEach(d -> this.repository.deleteDeployment(d.getId(), true, true));
	}

	@Test
	void retriesAJobThatLostAConflictWithoutUsingUpItsRetries() {
		String instance = start(true, 5);
		Job job = job(instance);
		int retries = job.getRetries();
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThatThrownBy(() -> this.management.executeJob(job.getId()))
				.isInstanceOf(OptimisticLockingException.class);
			assertThat(job(instance).getRetries()).as("retries after conflict %d", attempt).isEqualTo(retries);
			assertThat(this.runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
		}
		this.management.executeJob(job.getId());
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
			.isOne();
		assertThat(this.history.createHistoricJobLogQuery().jobId(job.getId()).failureLog().count()).isEqualTo(5);
		assertThat(this.history.createHistoricIncidentQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void anyOtherFailureUsesARetryAndEndsAsAnIncident() {
		String instance = start(false, 100);
		Job job = job(instance);
		int retries = job.getRetries();
		for (int attempt = 1; attempt <= retries; attempt++) {
			assertThatThrownBy(() -> this.management.executeJob(job.getId())).isInstanceOf(IllegalStateException.class);
		}
		assertThat(job(instance).getRetries()).isZero();
		assertThat(this.runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();
	}

	private String start(boolean conflicts, int failures) {
		conflict = conflicts;
		failuresLeft.set(failures);
		this.repository.createDeployment()
			.name(PROCESS)
			.addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
				.name("作业冲突重试检查")
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.serviceTask("Task_Conflicting")
				.name("与他人同时修改")
				.camundaAsyncBefore()
				.camundaClass(FailingStep.class.getName())
				.endEvent()
				.done())
			.deploy();
		// started as intake starts a case's process (with its case number), not as a Tasklist start form
		String caseNo = "conflict-check-" + System.nanoTime();
		return this.runtime.startProcessInstanceByKey(PROCESS, caseNo, Map.of("caseNo", caseNo)).getId();
	}

	private Job job(String instance) {
		return this.management.createJobQuery().processInstanceId(instance).singleResult();
	}

	/** Fails while failures are left: with the engine's conflict exception, or with any other. */
	public static class FailingStep implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
			if (failuresLeft.getAndDecrement() > 0) {
				throw conflict ? new OptimisticLockingException("simulated: the execution was changed concurrently")
						: new IllegalStateException("simulated: the step failed");
			}
		}

	}

}
