package cn.gov.ouhai.approval.models;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/** Puts the {@link ConventionsGuard} after the engine's own deployment guard (security first). */
@Component
class ModelConventionsPlugin extends AbstractProcessEnginePlugin {

	private final ListableBeanFactory beans;

	ModelConventionsPlugin(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		List<Deployer> preDeployers = new ArrayList<>();
		if (config.getCustomPreDeployers() != null) {
			preDeployers.addAll(config.getCustomPreDeployers());
		}
		preDeployers.add(new ConventionsGuard(KnownBeans.of(this.beans)));
		config.setCustomPreDeployers(preDeployers);
	}

}
