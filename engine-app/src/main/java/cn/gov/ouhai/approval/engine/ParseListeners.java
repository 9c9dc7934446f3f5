package cn.gov.ouhai.approval.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Parse listeners that run after the engine's own, on every deployed diagram. */
public final class ParseListeners {

	private ParseListeners() {
	}

	public static void addAfterEngine(ProcessEngineConfigurationImpl config, BpmnParseListener listener) {
		if (config.getCustomPostBPMNParseListeners() == null) {
			config.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		config.getCustomPostBPMNParseListeners().add(listener);
	}

	/**
	 * A diagram saying where something stands: a user task, receive task or end event with the
	 * extension property {@code property} calls {@code onStart} with its value when the process enters
	 * it. No listener is wired by hand in the diagram; a value not in {@code values} fails the deployment.
	 */
	public static <E extends Enum<E>> BpmnParseListener stateOnStart(String property, Class<E> values,
			BiConsumer<DelegateExecution, E> onStart) {
		return marked(property, values, (activity, value) -> activity.addBuiltInListener(
				ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> onStart.accept(execution, value)));
	}

	/**
	 * Hands every task, sub-process, call activity and end event that carries the extension property
	 * {@code property} to {@code attach} with the property's value; a value not in {@code values} fails
	 * the deployment, naming the element and the values allowed.
	 */
	public static <E extends Enum<E>> BpmnParseListener marked(String property, Class<E> values,
			BiConsumer<ActivityImpl, E> attach) {
		return new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				read(element, activity);
			}

			@Override
			public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				read(element, activity);
			}

			@Override
			public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				read(element, activity);
			}

			@Override
			public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
				read(element, activity);
			}

			@Override
			public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
				read(element, activity);
			}

			@Override
			public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				read(element, activity);
			}

			private void read(Element element, ActivityImpl activity) {
				String value = ExtensionProperties.of(element).get(property);
				if (value == null) {
					return;
				}
				E parsed;
				try {
					parsed = Enum.valueOf(values, value.trim());
				}
				catch (IllegalArgumentException unknown) {
					String allowed = Arrays.stream(values.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
					throw new IllegalArgumentException("环节 " + activity.getId() + " 的 " + property + " 取值 " + value
							+ " 无效，应为 " + allowed + " / unknown " + property + " value");
				}
				attach.accept(activity, parsed);
			}

		};
	}

}
