package cn.gov.ouhai.approval.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.migration.MigrationReport.CaseResult;
import cn.gov.ouhai.approval.web.ApiException;

/**
 * Moves running cases to another version of their process with Camunda's migration, one case per
 * transaction so that one case that cannot move does not hold back the others. Activities are mapped
 * by id ({@code mapEqualActivities}): a case waiting at a step the new version no longer has stays
 * where it is and is reported. Timers are not re-triggered: a step under way keeps the due date and
 * warnings it started with (the time limits are the applicant's, promised at intake); steps reached
 * after the move follow the new version. The case clock belongs to the case, not to the version, and
 * does not change.
 */
@Service
public class CaseMigrations {

	private static final Logger log = LoggerFactory.getLogger(CaseMigrations.class);

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final Catalog catalog;

	private final Cases cases;

	private final TransactionTemplate transactions;

	CaseMigrations(RepositoryService repository, RuntimeService runtime, Catalog catalog, Cases cases,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.runtime = runtime;
		this.catalog = catalog;
		this.cases = cases;
		this.transactions = new TransactionTemplate(transactions);
	}

	public MigrationReport migrate(MigrationRequest request, String analyst) {
		String key = processKey(request);
		ProcessDefinition target = target(key, request.toVersion());
		List<ProcessDefinition> sources = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.orderByProcessDefinitionVersion()
			.asc()
			.list()
			.stream()
			.filter(d -> d.getVersion() != target.getVersion())
			.filter(d -> request.fromVersion() == null || d.getVersion() == request.fromVersion())
			.toList();
		if (request.fromVersion() != null && sources.isEmpty()) {
			throw ApiException.badRequest("VERSION_NOT_FOUND", "没有这个来源版本 / No such source version",
					Map.of("fromVersion", key + " v" + request.fromVersion()));
		}
		List<CaseResult> migrated = new ArrayList<>();
		List<CaseResult> kept = new ArrayList<>();
		for (ProcessDefinition source : sources) {
			List<ProcessInstance> instances = this.runtime.createProcessInstanceQuery()
				.processDefinitionId(source.getId())
				.list();
			if (instances.isEmpty()) {
				continue;
			}
			MigrationPlan plan;
			try {
				plan = this.runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
			}
			catch (MigrationPlanValidationException invalid) {
				List<String> reasons = invalid.getValidationReport()
					.getInstructionReports()
					.stream()
					.flatMap(r -> r.getFailures().stream())
					.toList();
				instances.forEach(i -> kept.add(result(i, source, List.of(), reasons)));
				continue;
			}
			for (ProcessInstance instance : instances) {
				List<String> waitingAt = waitingAt(instance.getId());
				try {
					this.transactions.executeWithoutResult(status -> {
						this.runtime.newMigration(plan).processInstanceIds(instance.getId()).skipCustomListeners().execute();
						if (request.dryRun()) {
							status.setRollbackOnly();
						}
						else {
							this.cases.note(instance.getBusinessKey(), "MIGRATION", null, "流程版本迁移", analyst,
									"v" + source.getVersion() + "→v" + target.getVersion(),
									"由 " + key + " 第 " + source.getVersion() + " 版迁移到第 " + target.getVersion() + " 版");
						}
					});
					migrated.add(result(instance, source, waitingAt, List.of()));
				}
				catch (MigratingProcessInstanceValidationException cannot) {
					kept.add(result(instance, source, waitingAt, reasons(cannot)));
				}
				catch (ProcessEngineException failed) {
					kept.add(result(instance, source, waitingAt, List.of(failed.getMessage())));
				}
				if ((migrated.size() + kept.size()) % 100 == 0) {
					log.info("migration of {}: {} moved, {} kept so far", key, migrated.size(), kept.size());
				}
			}
		}
		log.info("migration of {} to v{} by {}{}: {} moved, {} kept", key, target.getVersion(), analyst,
				request.dryRun() ? " (dry run)" : "", migrated.size(), kept.size());
		return new MigrationReport(key, target.getVersion(), target.getId(), request.dryRun(), migrated, kept);
	}

	private String processKey(MigrationRequest request) {
		if (request.matter() != null) {
			return this.catalog.matter(request.matter())
				.map(Matter::processKey)
				.orElseThrow(() -> ApiException.notFound("MATTER_NOT_FOUND", "没有这个事项 / No such matter: " + request.matter()));
		}
		if (request.processKey() == null) {
			throw ApiException.badRequest("VALIDATION_FAILED", "请指定事项或流程 / Name a matter or a process key",
					Map.of("matter", "matter 或 processKey 必填其一 / matter or processKey is required"));
		}
		return request.processKey();
	}

	private ProcessDefinition target(String key, Integer version) {
		var query = this.repository.createProcessDefinitionQuery().processDefinitionKey(key);
		ProcessDefinition target = version == null ? query.latestVersion().singleResult()
				: query.processDefinitionVersion(version).singleResult();
		if (target == null) {
			throw ApiException.notFound("PROCESS_NOT_FOUND", "没有这个流程或版本 / No such process or version: " + key
					+ (version == null ? "" : " v" + version));
		}
		return target;
	}

	private List<String> waitingAt(String processInstanceId) {
		return this.runtime.getActiveActivityIds(processInstanceId);
	}

	private static List<String> reasons(MigratingProcessInstanceValidationException cannot) {
		List<String> reasons = new ArrayList<>(cannot.getValidationReport().getFailures());
		for (MigratingActivityInstanceValidationReport report : cannot.getValidationReport()
			.getActivityInstanceReports()) {
			report.getFailures().forEach(f -> reasons.add(report.getSourceScopeId() + ": " + f));
		}
		for (MigratingTransitionInstanceValidationReport report : cannot.getValidationReport()
			.getTransitionInstanceReports()) {
			report.getFailures().forEach(f -> reasons.add(report.getSourceScopeId() + ": " + f));
		}
		return reasons;
	}

	private static CaseResult result(ProcessInstance instance, ProcessDefinition source, List<String> waitingAt,
			List<String> reasons) {
		return new CaseResult(instance.getBusinessKey(), instance.getId(), source.getVersion(), waitingAt, reasons);
	}

}
