package cn.gov.ouhai.approval.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;

/**
 * The job executor settings a storm runs with, as {@code camunda.bpm.job-execution.*} names them:
 * {@code core-pool-size}, {@code max-pool-size}, {@code queue-capacity},
 * {@code max-jobs-per-acquisition}, {@code wait-time-in-millis}.
 *
 * <p>
 * Written {@code name:core=4,max=8,queue=30,jobs=30,wait=5000} (keys left out keep Camunda's
 * defaults); {@code default} is Camunda's defaults (3, 10, 3, 3, 5000) and {@code configured} the
 * values of {@code application.yml}, read from the starter's properties. Several, separated by
 * {@code ;}, run one after the other.
 */
record JobExecutorSettings(String name, int corePoolSize, int maxPoolSize, int queueCapacity,
		int maxJobsPerAcquisition, int waitTimeInMillis) {

	static final JobExecutorSettings CAMUNDA_DEFAULTS = new JobExecutorSettings("default", 3, 10, 3, 3, 5000);

	static List<JobExecutorSettings> parseAll(String spec, JobExecutionProperty configured) {
		List<JobExecutorSettings> all = new ArrayList<>();
		for (String one : spec.split(";")) {
			if (!one.isBlank()) {
				all.add(parse(one.trim(), configured));
			}
		}
		if (all.isEmpty()) {
			throw new IllegalArgumentException("no job executor settings in '" + spec + "'");
		}
		return all;
	}

	static JobExecutorSettings parse(String spec, JobExecutionProperty configured) {
		if (spec.equals("default")) {
			return CAMUNDA_DEFAULTS;
		}
		if (spec.equals("configured")) {
			return new JobExecutorSettings("configured", configured.getCorePoolSize(), configured.getMaxPoolSize(),
					configured.getQueueCapacity(),
					configured.getMaxJobsPerAcquisition() == null ? CAMUNDA_DEFAULTS.maxJobsPerAcquisition
							: configured.getMaxJobsPerAcquisition(),
					configured.getWaitTimeInMillis() == null ? CAMUNDA_DEFAULTS.waitTimeInMillis
							: configured.getWaitTimeInMillis());
		}
		int colon = spec.indexOf(':');
		if (colon < 1) {
			throw new IllegalArgumentException("job executor settings '" + spec
					+ "': expected default, configured or name:core=4,max=8,queue=30,jobs=30,wait=5000");
		}
		JobExecutorSettings s = CAMUNDA_DEFAULTS;
		int core = s.corePoolSize, max = s.maxPoolSize, queue = s.queueCapacity, jobs = s.maxJobsPerAcquisition,
				wait = s.waitTimeInMillis;
		for (String pair : spec.substring(colon + 1).split(",")) {
			String[] kv = pair.trim().split("=");
			if (kv.length != 2) {
				throw new IllegalArgumentException("job executor settings '" + spec + "': bad pair '" + pair + "'");
			}
			int value = Integer.parseInt(kv[1].trim());
			switch (kv[0].trim()) {
				case "core" -> core = value;
				case "max" -> max = value;
				case "queue" -> queue = value;
				case "jobs" -> jobs = value;
				case "wait" -> wait = value;
				default -> throw new IllegalArgumentException(
						"job executor settings '" + spec + "': unknown key '" + kv[0] + "' (core, max, queue, jobs, wait)");
			}
		}
		return new JobExecutorSettings(spec.substring(0, colon).trim(), core, max, queue, jobs, wait);
	}

	/**
	 * Puts these settings on an engine's job executor, which must be stopped. In the tests
	 * ({@code camunda.bpm.job-execution.enabled=false}) the starter builds no executor and each
	 * engine has the engine's {@link DefaultJobExecutor}; it creates its thread pool (an
	 * {@code ArrayBlockingQueue} of {@code queue} places) on each start. The starter's
	 * {@code SpringJobExecutor} hands jobs to a {@code ThreadPoolTaskExecutor} built from the same
	 * three numbers, with the same acquisition and the same rejected-jobs handling.
	 */
	JobExecutor applyTo(ProcessEngine engine) {
		JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		if (executor.isActive()) {
			throw new IllegalStateException("the job executor of " + engine.getName() + " is running");
		}
		if (!(executor instanceof DefaultJobExecutor pool)) {
			throw new IllegalStateException("expected the engine's DefaultJobExecutor on " + engine.getName()
					+ ", found " + executor.getClass().getName());
		}
		pool.setCorePoolSize(this.corePoolSize);
		pool.setMaxPoolSize(this.maxPoolSize);
		pool.setQueueSize(this.queueCapacity);
		executor.setMaxJobsPerAcquisition(this.maxJobsPerAcquisition);
		executor.setWaitTimeInMillis(this.waitTimeInMillis);
		return executor;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
				"%s (core-pool-size %d, max-pool-size %d, queue-capacity %d, max-jobs-per-acquisition %d, wait-time-in-millis %d)",
				this.name, this.corePoolSize, this.maxPoolSize, this.queueCapacity, this.maxJobsPerAcquisition,
				this.waitTimeInMillis);
	}

}
