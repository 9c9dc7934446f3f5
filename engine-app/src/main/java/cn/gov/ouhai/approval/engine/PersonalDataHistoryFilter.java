package cn.gov.ouhai.approval.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps variables named {@code pii_*} out of the history tables. A Tasklist start form carries the
 * applicant's ID number and phone as such variables for the moment intake takes them into the case
 * table; without this filter the engine's history would keep a copy forever.
 */
class PersonalDataHistoryFilter implements HistoryEventHandler {

	static final String PREFIX = "pii_";

	private final HistoryEventHandler delegate;

	PersonalDataHistoryFilter(HistoryEventHandler delegate) {
		this.delegate = delegate;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (!personal(event)) {
			this.delegate.handleEvent(event);
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	static boolean personal(HistoryEvent event) {
		if (event instanceof HistoricVariableUpdateEventEntity variable) {
			return variable.getVariableName() != null && variable.getVariableName().startsWith(PREFIX);
		}
		if (event instanceof HistoricFormPropertyEventEntity property) {
			return property.getPropertyId() != null && property.getPropertyId().startsWith(PREFIX);
		}
		return false;
	}

}
