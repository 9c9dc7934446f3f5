package cn.gov.ouhai.approval.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import cn.gov.ouhai.approval.engine.ModelProblem;

/**
 * Every value a step lists in its {@code decisions} property has a way out: a flow whose condition
 * tests it ({@code ${decision == 'DENY'}}, or {@code ${decision != 'APPEAL'}} for every other
 * value), on the step itself or on the question gateway it leads to (through joining gateways), or
 * a default flow there. A step with one decision may simply go on. As the shipped diagrams route:
 * 审查申请材料 → 审查是否通过？ → APPROVE / DENY.
 */
final class DecisionRouting {

	static final String RULE = "decisions-routed";

	/** {@code decision == 'X'}, {@code decision eq "X"}, {@code 'X' == decision}, and their negations. */
	private static final Pattern TEST = Pattern.compile(
			"\\bdecision\\s*(==|!=|\\beq\\b|\\bne\\b)\\s*['\"](\\w+)['\"]|['\"](\\w+)['\"]\\s*(==|!=|\\beq\\b|\\bne\\b)\\s*decision\\b");

	private DecisionRouting() {
	}

	static List<String> decisionsOf(String property) {
		return property == null ? List.of()
				: Arrays.stream(property.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
	}

	static List<ModelProblem> check(String file, UserTask task, String property) {
		List<String> decisions = decisionsOf(property);
		if (decisions.isEmpty()) {
			return List.of();
		}
		Set<String> handled = new LinkedHashSet<>();
		List<SequenceFlow> out = new ArrayList<>(task.getOutgoing());
		for (SequenceFlow flow : out) {
			if (flow.getConditionExpression() != null) {
				handled.addAll(tested(flow.getConditionExpression(), decisions));
				continue;
			}
			if (flow == task.getDefault()) {
				handled.addAll(decisions);
				continue;
			}
			FlowNode next = throughJoins(flow);
			if (next instanceof ExclusiveGateway question && question.getOutgoing().size() > 1) {
				for (SequenceFlow answer : question.getOutgoing()) {
					if (answer == question.getDefault() || answer.getConditionExpression() == null) {
						handled.addAll(decisions);
					}
					else {
						handled.addAll(tested(answer.getConditionExpression(), decisions));
					}
				}
			}
			else if (out.size() == 1 && decisions.size() == 1) {
				// one decision, one way on (出具证照: APPROVE)
				handled.addAll(decisions);
			}
		}
		List<ModelProblem> problems = new ArrayList<>();
		for (String decision : decisions) {
			if (!handled.contains(decision)) {
				problems.add(new ModelProblem(file, task.getId(), RULE, "决定 " + decision
						+ " 没有处理它的出口（在环节后接排他网关，其出口条件为 ${decision == '" + decision + "'}）/ decision "
						+ decision + " (decisions property) is handled by no outgoing flow: follow the step with a "
						+ "question gateway whose flows test ${decision == '" + decision + "'} (or a default flow)"));
			}
		}
		return problems;
	}

	/** The node a flow leads to, past joining exclusive gateways (one unconditional way out). */
	private static FlowNode throughJoins(SequenceFlow flow) {
		FlowNode node = flow.getTarget();
		for (int hops = 0; hops < 5 && node instanceof ExclusiveGateway join && join.getOutgoing().size() == 1
				&& join.getOutgoing().iterator().next().getConditionExpression() == null; hops++) {
			node = join.getOutgoing().iterator().next().getTarget();
		}
		return node;
	}

	/** The decisions a condition lets through. */
	private static Set<String> tested(ConditionExpression condition, List<String> decisions) {
		Set<String> values = new LinkedHashSet<>();
		Matcher test = TEST.matcher(condition.getTextContent() == null ? "" : condition.getTextContent());
		while (test.find()) {
			String operator = test.group(1) != null ? test.group(1) : test.group(4);
			String value = test.group(2) != null ? test.group(2) : test.group(3);
			boolean equals = operator.equals("==") || operator.equals("eq");
			for (String decision : decisions) {
				if (decision.equals(value) == equals) {
					values.add(decision);
				}
			}
		}
		return values;
	}

}
