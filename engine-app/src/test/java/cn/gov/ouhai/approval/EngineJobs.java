package cn.gov.ouhai.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** A case's timer jobs, read and run as the job executor would, for tests that move the engine clock. */
public final class EngineJobs {

	private EngineJobs() {
	}

	/** Pending timers of a process instance by the element they hang on, with their due instants. */
	public static Map<String, Instant> timers(ManagementService management, String processInstanceId) {
		Map<String, Instant> timers = new TreeMap<>();
		for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
			String activity = management.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId();
			timers.put(activity, job.getDuedate().toInstant());
		}
		return timers;
	}

	/** Executes the due jobs of a process instance (the job executor never acquires suspended ones). */
	public static int runDue(ManagementService management, String processInstanceId) {
		int ran = 0;
		List<Job> due;
		while (!(due = management.createJobQuery().processInstanceId(processInstanceId).executable().active().list())
			.isEmpty()) {
			for (Job job : due) {
				management.executeJob(job.getId());
				ran++;
			}
		}
		return ran;
	}

}
