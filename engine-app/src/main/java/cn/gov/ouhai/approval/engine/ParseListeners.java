package cn.gov.ouhai.approval.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Registers a parse listener that runs after the engine's own, on every deployed diagram. */
public final class ParseListeners {

	private ParseListeners() {
	}

	public static void addAfterEngine(ProcessEngineConfigurationImpl config, BpmnParseListener listener) {
		if (config.getCustomPostBPMNParseListeners() == null) {
			config.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		config.getCustomPostBPMNParseListeners().add(listener);
	}

}
