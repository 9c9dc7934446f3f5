package cn.gov.ouhai.approval.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import cn.gov.ouhai.approval.cases.ApplicantType;
import cn.gov.ouhai.approval.cases.Channel;
import cn.gov.ouhai.approval.cases.IntakeRequest;

/** What the benchmarks share: the platform's case, the bare engine beside it, the report. */
final class BenchSupport {

	static final String PLATFORM_PROCESS = "Process_FoodBusinessLicence";

	/** 食品经营许可 (新办), whose process is {@link #PLATFORM_PROCESS}. */
	static final String MATTER = "SCJG-SPJY-001";

	static final List<String> MATERIALS = List.of("M01", "M02", "M03", "M04", "M05");

	private BenchSupport() {
	}

	/** An application for {@link #MATTER} at the centre's window, by an organisation, all materials handed in. */
	static IntakeRequest foodLicence(String requestId) {
		return new IntakeRequest(requestId, MATTER,
				new IntakeRequest.Applicant(ApplicantType.ORG, "温州市瓯海区好味餐饮店", "91330304MA2L8K5Q6F", "13812345678"),
				Channel.WINDOW, "OH-CENTRE", MATERIALS.stream().map(m -> new IntakeRequest.MaterialGiven(m, true)).toList(),
				null, null);
	}

	/**
	 * A second engine, {@code bench-bare}, on the platform engine's data source and transaction
	 * manager with its settings (history, IDs, JDBC batching, authorization, CMMN/DMN, standalone
	 * tasks, metrics, serialization, job acquisition order), but none of its plugins: no case
	 * listeners, no hardening plugin; history cleanup left to the platform's engine. Its job
	 * executor is built but not started.
	 */
	static ProcessEngine bareEngine(ProcessEngine platformEngine, ApplicationContext context) {
		ProcessEngineConfigurationImpl platform = (ProcessEngineConfigurationImpl) platformEngine
			.getProcessEngineConfiguration();
		SpringProcessEngineConfiguration config = new SpringProcessEngineConfiguration();
		config.setProcessEngineName("bench-bare");
		config.setApplicationContext(context);
		if (platform instanceof SpringProcessEngineConfiguration spring) {
			config.setDataSource(spring.getDataSource());
			config.setTransactionManager(spring.getTransactionManager());
		}
		else {
			config.setDataSource(context.getBean(DataSource.class));
			config.setTransactionManager(context.getBean(PlatformTransactionManager.class));
		}
		config.setDatabaseType(platform.getDatabaseType());
		config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
		config.setJobExecutorActivate(false);
		config.setJobExecutorAcquireByDueDate(platform.isJobExecutorAcquireByDueDate());
		config.setJobExecutorPreferTimerJobs(platform.isJobExecutorPreferTimerJobs());
		config.setJobExecutorAcquireByPriority(platform.isJobExecutorAcquireByPriority());
		config.setHistory(platform.getHistoryLevel().getName());
		config.setHistoryTimeToLive(platform.getHistoryTimeToLive());
		// history cleanup is the platform engine's: with cleanup on but no batch window, this
		// engine's bootstrap would suspend the platform's cleanup job in the shared tables
		config.setHistoryCleanupEnabled(false);
		config.setIdGenerator(platform.getIdGenerator());
		config.setJdbcBatchProcessing(platform.isJdbcBatchProcessing());
		config.setAuthorizationEnabled(platform.isAuthorizationEnabled());
		config.setCmmnEnabled(platform.isCmmnEnabled());
		config.setDmnEnabled(platform.isDmnEnabled());
		config.setStandaloneTasksEnabled(platform.isStandaloneTasksEnabled());
		config.setMetricsEnabled(platform.isMetricsEnabled());
		config.setTaskMetricsEnabled(platform.isTaskMetricsEnabled());
		config.setDbMetricsReporterActivate(false);
		config.setDeserializationTypeValidationEnabled(platform.isDeserializationTypeValidationEnabled());
		config.setJavaSerializationFormatEnabled(platform.isJavaSerializationFormatEnabled());
		return config.buildProcessEngine();
	}

	static String databaseProduct(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " via "
					+ meta.getDriverName() + " " + meta.getDriverVersion();
		}
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** Prints a report and keeps it as {@code target/bench/<fileName>} (or under {@code bench.out}). */
	static void writeReport(String fileName, String report) throws IOException {
		System.out.println(report);
		Path out = Path.of(System.getProperty("bench.out", "target/bench"));
		Files.createDirectories(out);
		Files.writeString(out.resolve(fileName), report, StandardCharsets.UTF_8);
	}

}
