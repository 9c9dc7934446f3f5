package cn.gov.ouhai.approval.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Closes what Camunda 7.24 leaves open by default (see docs/security.md): no deserialisation of
 * arbitrary Java types, no expressions in stored or ad-hoc queries, no scripts or external
 * entities in deployed models, and no personal data in history.
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		config.setDeserializationTypeValidationEnabled(true);
		config.setJavaSerializationFormatEnabled(false);
		config.setEnableXxeProcessing(false);
		config.setEnableExpressionsInAdhocQueries(false);
		config.setEnableExpressionsInStoredQueries(false);
		config.setEnableScriptEngineLoadExternalResources(false);
		// ids like dept-scjg and approver-scjg: letters and digits joined by single hyphens, nothing
		// else (the default allows no hyphen at all)
		config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin");
		config.setCmmnEnabled(false);
		config.setStandaloneTasksEnabled(false);
		config.setHistoryEventHandler(new PersonalDataHistoryFilter(new DbHistoryEventHandler()));
		List<Deployer> preDeployers = new ArrayList<>();
		if (config.getCustomPreDeployers() != null) {
			preDeployers.addAll(config.getCustomPreDeployers());
		}
		// first, before the model conventions read anything
		preDeployers.add(0, new DeploymentGuard());
		config.setCustomPreDeployers(preDeployers);
	}

}
