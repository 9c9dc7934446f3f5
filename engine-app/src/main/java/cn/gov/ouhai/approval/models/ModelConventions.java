package cn.gov.ouhai.approval.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.cases.CaseStatus;
import cn.gov.ouhai.approval.cases.CaseVariables;
import cn.gov.ouhai.approval.engine.ModelProblem;
import cn.gov.ouhai.approval.engine.ModelProperties;
import cn.gov.ouhai.approval.review.ReviewState;
import cn.gov.ouhai.approval.review.ReviewVariables;
import cn.gov.ouhai.approval.supervision.UrgeState;
import cn.gov.ouhai.approval.supervision.UrgeVariables;

/**
 * The platform's conventions for diagrams, decision tables and forms, checked with Camunda's own
 * model API. Each problem names the file, the element id and the rule, in Chinese and English.
 * {@code scripts/validate-models} runs them over the repository (ProcessModelConventionsTests); the
 * engine runs them on every deployment a person makes ({@link ConventionsGuard}).
 */
public class ModelConventions {

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/** Ids the Modeler generates (Activity_0x1abcd, Flow_1k2j3h4, Gateway_0abc123). */
	private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{6}$");

	static final String TIMED_STEP_TEMPLATE = "cn.gov.ouhai.approval.TimedApprovalStep";

	static final String CLOCK_PAUSING_TEMPLATE = "cn.gov.ouhai.approval.ClockPausingStep";

	private final KnownForms forms;

	private final KnownBeans beans;

	public ModelConventions(KnownForms forms, KnownBeans beans) {
		this.forms = forms;
		this.beans = beans;
	}

	/** A Camunda Form file: named after its id, with components. */
	public List<ModelProblem> checkForm(String name, byte[] json) {
		List<ModelProblem> violations = new ArrayList<>();
		JsonNode root;
		try {
			root = new ObjectMapper().readTree(json);
		}
		catch (IOException e) {
			violations.add(new ModelProblem(name, "-", "form-json", "不是有效的表单 JSON / is not valid form JSON ("
					+ e.getMessage() + ")"));
			return violations;
		}
		String id = root == null ? "" : root.path("id").asText();
		if (!name.equals(id + ".form")) {
			violations.add(problem(name + ": " + id + ": ", "form-file-named", "表单文件须以表单编号命名",
					"a form file is named after its id (" + id + ".form)"));
		}
		if (root == null || !root.path("components").isArray() || root.path("components").isEmpty()) {
			violations.add(problem(name + ": " + id + ": ", "form-components", "表单须有字段", "a form has components"));
		}
		return violations;
	}

	/** A BPMN diagram, as a file of the repository or a resource of a deployment named {@code name}. */
	public List<ModelProblem> checkDiagram(String name, byte[] xml) {
		List<ModelProblem> violations = new ArrayList<>();
		org.w3c.dom.Document document;
		try {
			document = safeDocument(xml);
		}
		catch (Exception e) {
			violations.add(problem(name + ": -: ", "bpmn-parses", "不是有效的 BPMN 2.0",
					"does not parse as BPMN 2.0 (" + rootMessage(e) + ")"));
			return violations;
		}
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
		}
		catch (RuntimeException e) {
			violations.add(problem(name + ": -: ", "bpmn-parses", "不是有效的 BPMN 2.0",
					"does not parse as BPMN 2.0 (" + rootMessage(e) + ")"));
			return violations;
		}
		Set<String> processVariables = variablesOf(model);
		checkExpressions(document, name, processVariables, violations);
		List<Process> processes = new ArrayList<>(model.getModelElementsByType(Process.class));
		if (processes.size() != 1) {
			violations.add(problem(name + ": -: ", "one-process", "每个文件只放一个流程", "one process per file, found " + processes.size()));
		}
		Set<String> shapes = new HashSet<>();
		Map<String, BpmnShape> shapeOf = new HashMap<>();
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			if (shape.getBpmnElement() != null) {
				shapes.add(shape.getBpmnElement().getId());
				shapeOf.put(shape.getBpmnElement().getId(), shape);
			}
		}
		Set<String> edges = new HashSet<>();
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			if (edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2) {
				edges.add(edge.getBpmnElement().getId());
			}
		}
		for (Process process : processes) {
			String where = name + ": " + process.getId() + ": ";
			if (!name.equals(process.getId() + ".bpmn")) {
				violations.add(problem(where, "file-named-after-process", "文件须以流程编号命名", "the file is named after the process id (" + process.getId() + ".bpmn)"));
			}
			if (process.getCamundaHistoryTimeToLiveString() == null) {
				violations.add(problem(where, "history-time-to-live", "流程须设历史保留期 historyTimeToLive", "every process needs a historyTimeToLive (Camunda 7.20+ refuses it otherwise)"));
			}
			if (!chinese(process.getName())) {
				violations.add(problem(where, "chinese-name", "流程须有中文名称（事项名称）", "a process has a Chinese name (the matter's name)"));
			}
			if (!shapes.contains(process.getId()) && model.getDefinitions().getBpmDiagrams().isEmpty()) {
				violations.add(problem(where, "diagram", "没有流程图", "has no diagram (BPMNDiagram) at all"));
			}
		}
		double leftmostEnd = Double.MAX_VALUE;
		double rightmostStart = -Double.MAX_VALUE;
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			String where = name + ": " + node.getId() + ": ";
			checkId(node, where, violations);
			if (!shapes.contains(node.getId())) {
				violations.add(problem(where, "shape", "流程图中没有它的图形", "has no shape in the diagram (the Modeler would not show it)"));
			}
			boolean unnamedAllowed = node instanceof Gateway
					&& !(node instanceof ExclusiveGateway && node.getOutgoing().size() > 1);
			if (!unnamedAllowed && !chinese(node.getName())) {
				violations.add(problem(where, "chinese-name", "须有中文名称（任务：动词+宾语；事件：结果；分支排他网关：问题）", "needs a Chinese name (tasks: verb + object; events: a result; "
						+ "splitting exclusive gateways: a question)"));
			}
			if (node instanceof ScriptTask) {
				violations.add(problem(where, "no-script-task", "不允许脚本任务", "script tasks are not allowed (they run with the server's rights)"));
			}
			if (node instanceof UserTask task) {
				checkUserTask(task, where, processVariables, violations);
			}
			if (node instanceof CallActivity call) {
				checkCallActivity(call, where, violations);
			}
			if (node instanceof StartEvent start && start.getCamundaFormRef() != null
					&& this.forms.find(start.getCamundaFormRef(), start.getCamundaFormRefBinding()).isEmpty()) {
				violations.add(problem(where, "form-exists", "找不到表单 " + start.getCamundaFormRef(), "formRef "
						+ start.getCamundaFormRef() + " has no form in " + this.forms.where()));
			}
			if (node instanceof EndEvent && node.getParentElement() instanceof Process && !afterSideTimer(node)) {
				checkFinalState(node, where, violations);
			}
			String pause = property(node, "sla.pause");
			if (pause != null && !pause.equals("SUPPLEMENT") && !pause.equals("SPECIAL_PROCEDURE")) {
				violations.add(problem(where, "sla-pause", "sla.pause 只能是 SUPPLEMENT 或 SPECIAL_PROCEDURE", "sla.pause is SUPPLEMENT or SPECIAL_PROCEDURE, not " + pause));
			}
			if (pause != null && !CLOCK_PAUSING_TEMPLATE.equals(template(node))) {
				violations.add(problem(where, "clock-pausing-template", "不计时环节须使用元素模板“不计时环节”", "a step not counted in the limit uses the element template "
						+ CLOCK_PAUSING_TEMPLATE + " (不计时环节)"));
			}
			BpmnShape shape = shapeOf.get(node.getId());
			if (shape != null && node instanceof StartEvent && node.getParentElement() instanceof Process) {
				rightmostStart = Math.max(rightmostStart, shape.getBounds().getX());
			}
			if (shape != null && node instanceof EndEvent && node.getParentElement() instanceof Process) {
				leftmostEnd = Math.min(leftmostEnd, shape.getBounds().getX());
			}
		}
		if (rightmostStart > leftmostEnd) {
			violations.add(problem(name + ": -: ", "left-to-right", "流程图须从左到右（开始事件在结束事件左边）", "the diagram runs left to right (start events left of end events)"));
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			String where = name + ": " + flow.getId() + ": ";
			checkId(flow, where, violations);
			if (!edges.contains(flow.getId())) {
				violations.add(problem(where, "edge", "流程图中没有这条连线", "has no edge in the diagram (the Modeler would not draw it)"));
			}
			if (flow.getSource() instanceof ExclusiveGateway && flow.getSource().getOutgoing().size() > 1
					&& !chinese(flow.getName())) {
				violations.add(problem(where, "answer-named", "问题网关的出口须以答案命名（是 / 否）", "a flow out of a question gateway is named with its answer"));
			}
		}
		return violations;
	}

	/**
	 * A decision table parses with the engine's DMN model API, has a Chinese name, an English id
	 * named after its file, a historyTimeToLive, and a last rule that catches every input (no gaps
	 * for answers the forms allow) unless its hit policy says otherwise.
	 */
	public List<ModelProblem> checkDecisions(String name, byte[] xml) {
		List<ModelProblem> violations = new ArrayList<>();
		DmnModelInstance model;
		try {
			safeDocument(xml);
			model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
		}
		catch (Exception e) {
			violations.add(problem(name + ": -: ", "dmn-parses", "不是有效的 DMN 1.3", "does not parse as DMN 1.3 ("
					+ rootMessage(e) + ")"));
			return violations;
		}
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			String where = name + ": " + decision.getId() + ": ";
			if (!name.equals(decision.getId() + ".dmn")) {
				violations.add(problem(where, "file-named-after-decision", "文件须以决策编号命名", "the file is named after the decision id (" + decision.getId() + ".dmn)"));
			}
			if (!chinese(decision.getName())) {
				violations.add(problem(where, "chinese-name", "决策须有中文名称", "a decision has a Chinese name"));
			}
			if (decision.getCamundaHistoryTimeToLiveString() == null) {
				violations.add(problem(where, "history-time-to-live", "决策须设历史保留期 historyTimeToLive", "every decision needs a historyTimeToLive"));
			}
			for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
				List<Rule> rules = new ArrayList<>(table.getRules());
				boolean catchAll = !rules.isEmpty() && rules.get(rules.size() - 1)
					.getInputEntries()
					.stream()
					.allMatch(entry -> entry.getTextContent() == null || entry.getTextContent().isBlank()
							|| entry.getTextContent().trim().equals("-"));
				if (table.getHitPolicy() == HitPolicy.FIRST && !catchAll) {
					violations.add(problem(where, "catch-all-rule", "FIRST 决策表须以匹配一切输入的规则结尾", "a FIRST table ends with a rule that catches every input, so no answer "
							+ "falls through"));
				}
			}
		}
		return violations;
	}

	/**
	 * An end event of a matter process sets the case's final status ({@code caseStatus}); the shared
	 * flows that close something else set that record's final state instead: the bad-review
	 * rectification its review's ({@code reviewState}), the urge process its urge's ({@code urgeState}).
	 */
	private static void checkFinalState(FlowNode end, String where, List<ModelProblem> violations) {
		String status = property(end, "caseStatus");
		String reviewState = property(end, "reviewState");
		String urgeState = property(end, "urgeState");
		if (reviewState != null) {
			if (Arrays.stream(ReviewState.values()).noneMatch(s -> s.name().equals(reviewState))) {
				violations.add(problem(where, "final-state", "reviewState 取值不对", "reviewState is one of " + Arrays.toString(ReviewState.values())));
			}
			return;
		}
		if (urgeState != null) {
			if (Arrays.stream(UrgeState.values()).noneMatch(s -> s.name().equals(urgeState))) {
				violations.add(problem(where, "final-state", "urgeState 取值不对", "urgeState is one of " + Arrays.toString(UrgeState.values())));
			}
			return;
		}
		if (status == null || Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
			violations.add(problem(where, "final-state", "事项流程的结束事件须设办件最终状态 caseStatus", "an end event of a matter process sets the case's final status "
					+ "(extension property caseStatus, e.g. COMPLETED or DENIED; in the rectification "
					+ "reviewState, in the urge process urgeState)"));
		}
	}

	/** An end reached from a non-interrupting boundary event (a warning path) ends no case. */
	private static boolean afterSideTimer(FlowNode end) {
		FlowNode current = end;
		for (int hops = 0; hops < 10 && current.getIncoming().size() == 1; hops++) {
			current = current.getIncoming().iterator().next().getSource();
			if (current instanceof BoundaryEvent boundary) {
				return !boundary.cancelActivity();
			}
		}
		return false;
	}

	private void checkUserTask(UserTask task, String where, Set<String> processVariables,
			List<ModelProblem> violations) {
		violations.addAll(DecisionRouting.check(where.split(": ")[0], task, property(task, "decisions")));
		checkReturnTo(task, where, violations);
		String workdays = property(task, "sla.workdays");
		if (workdays != null && !workdays.matches("\\d+")) {
			violations.add(problem(where, "sla-workdays", "sla.workdays 须为整数个工作日", "sla.workdays is a whole number of working days, not " + workdays));
		}
		if (workdays != null && !TIMED_STEP_TEMPLATE.equals(template(task))) {
			violations.add(problem(where, "timed-step-template", "有办理时限的环节须使用元素模板“审批环节（带办理时限）”", "a step with a time limit uses the element template " + TIMED_STEP_TEMPLATE
					+ " (审批环节（带办理时限）)"));
		}
		if (workdays != null && !"${sla.stepDue(execution)}".equals(task.getCamundaDueDate())) {
			violations.add(problem(where, "timed-step-due-date", "有办理时限的环节的到期日须为 ${sla.stepDue(execution)}", "a step with a time limit takes its due date from the calendar: "
					+ "dueDate ${sla.stepDue(execution)}"));
		}
		String due = task.getCamundaDueDate();
		if (due == null || !due.startsWith("${sla.")) {
			violations.add(problem(where, "calendar-due-date", "用户任务的到期日须由工作日历计算（${sla.…}）", "a user task has a due date from the working-day calendar (dueDate ${sla.…}, e.g. "
					+ "${sla.stepDue(execution)} or ${sla.workdaysFromNow(10)}), so its light and Tasklist's due date are right"));
		}
		if (workdays != null && workdays.matches("\\d+") && Integer.parseInt(workdays) > 0) {
			Set<String> timers = task.getParentElement()
				.getChildElementsByType(BoundaryEvent.class)
				.stream()
				.filter(b -> b.getAttachedTo() == task)
				.flatMap(b -> b.getEventDefinitions().stream())
				.filter(TimerEventDefinition.class::isInstance)
				.map(d -> ((TimerEventDefinition) d).getTimeDate())
				.filter(d -> d != null)
				.map(d -> d.getTextContent().trim())
				.collect(java.util.stream.Collectors.toSet());
			for (String expected : List.of("${sla.stepYellow(execution)}", "${sla.stepDue(execution)}")) {
				if (!timers.contains(expected)) {
					violations.add(problem(where, "escalation-timers", "有办理时限的环节须有预警和超期定时器", "a step with a time limit has its warning and overdue timers (boundary "
							+ "timers at " + "${sla.stepYellow(execution)}, ${sla.stepDue(execution)} and "
							+ "${sla.stepOverdueBy(execution, 1)}); missing " + expected));
				}
			}
			if (timers.stream().noneMatch(t -> t.startsWith("${sla.stepOverdueBy(execution"))) {
				violations.add(problem(where, "escalation-timers", "有办理时限的环节须有超期督办定时器", "a step with a time limit escalates when it stays red (a boundary timer at "
						+ "${sla.stepOverdueBy(execution, 1)}); missing"));
			}
		}
		if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee())) {
			violations.add(problem(where, "candidate-groups", "用户任务须指定办理部门或角色（candidateGroups）", "a user task names who works it (candidateGroups: a department or role)"));
		}
		String formRef = task.getCamundaFormRef();
		if (formRef == null) {
			violations.add(problem(where, "form-ref", "用户任务须有 Camunda 表单（formRef）", "a user task has a Camunda Form (formRef) so Tasklist can show it"));
		}
		else if (this.forms.find(formRef, task.getCamundaFormRefBinding()).isEmpty()) {
			violations.add(problem(where, "form-exists", "找不到表单 " + formRef, "formRef " + formRef + " has no form in "
					+ this.forms.where()));
		}
		else {
			JsonNode found = this.forms.find(formRef, task.getCamundaFormRefBinding()).orElseThrow();
			String form = found.toString();
			if (property(task, "decisions") != null && !form.contains("\"decision\"")) {
				violations.add(problem(where, "form-decision-field", "表单 " + formRef + " 须有字段 decision", "form " + formRef + " has no field 'decision' for the step's decisions"));
			}
			for (String key : keysOf(found.path("components"))) {
				if (!processVariables.contains(key)) {
					violations.add(problem(where, "form-field-variable", "表单 " + formRef + " 的字段 " + key + " 不是流程的变量", "form " + formRef + " has field '" + key + "', which is not a variable the "
							+ "process uses (the platform's case variables, or one its expressions read)"));
				}
			}
			if (!form.contains(MATERIALS_LINK)) {
				violations.add(problem(where, "form-materials-link", "表单 " + formRef + " 须链接办件材料页", "form " + formRef + " links the case's materials, so the approver sees the files: "
						+ "a text field with (" + MATERIALS_LINK + ")"));
			}
		}
	}

	/**
	 * 退回: every step a user task's {@code returnTo} names is an earlier user task of the same
	 * process (one from which the flows lead to this task), so the workbench sends a case back only
	 * where the diagram draws it.
	 */
	private static void checkReturnTo(UserTask task, String where, List<ModelProblem> violations) {
		String returnTo = property(task, RETURN_TO);
		if (returnTo == null || returnTo.isBlank()) {
			return;
		}
		for (String id : returnTo.split(",")) {
			String stepId = id.trim();
			org.camunda.bpm.model.xml.instance.ModelElementInstance target = task.getModelInstance().getModelElementById(stepId);
			boolean earlier = target instanceof UserTask step && step != task
					&& step.getParentElement() == task.getParentElement() && leadsTo(step, task);
			if (!earlier) {
				violations.add(problem(where, "return-to-earlier-step", "returnTo 只能是同一流程中在此之前的用户任务，" + stepId + " 不是",
						"returnTo names earlier user tasks of the same process; " + stepId + " is not one"));
			}
		}
	}

	/** Whether the flows (and the boundary events on the way) lead from one node to another. */
	private static boolean leadsTo(FlowNode from, FlowNode to) {
		java.util.Deque<FlowNode> open = new java.util.ArrayDeque<>(List.of(from));
		Set<String> seen = new HashSet<>();
		while (!open.isEmpty()) {
			FlowNode node = open.pop();
			if (!seen.add(node.getId())) {
				continue;
			}
			if (node == to && node != from) {
				return true;
			}
			node.getOutgoing().forEach(flow -> open.push(flow.getTarget()));
			node.getParentElement()
				.getChildElementsByType(BoundaryEvent.class)
				.stream()
				.filter(boundary -> boundary.getAttachedTo() == node)
				.forEach(open::push);
		}
		return false;
	}

	/** The user task property naming the earlier steps the workbench's 退回 may go back to. */
	static final String RETURN_TO = "returnTo";

	/**
	 * Variables every process may read: the case's (CaseVariables), those the platform's API sets
	 * (supplementWorkdays by POST /api/tasks/{id}/request-supplement), and the shared flows'
	 * (ReviewVariables, UrgeVariables).
	 */
	static final Set<String> PLATFORM_VARIABLES = platformVariables();

	/** Names an expression may use besides beans and variables. */
	private static final Set<String> EL_WORDS = Set.of("execution", "task", "true", "false", "null", "empty", "not",
			"and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

	private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\()?");

	/**
	 * Every expression in the diagram (conditions, due dates, timers, listeners, delegates) calls
	 * beans that exist with methods they have, and reads only variables the process has.
	 */
	private void checkExpressions(org.w3c.dom.Document document, String file, Set<String> processVariables,
			List<ModelProblem> violations) {
		org.w3c.dom.NodeList all = document.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			org.w3c.dom.Element element = (org.w3c.dom.Element) all.item(i);
			if (!element.hasAttribute("id") || element.getNamespaceURI() == null
					|| !element.getNamespaceURI().endsWith("/MODEL")) {
				continue;
			}
			List<String> texts = new ArrayList<>();
			collect(element, texts);
			for (String text : texts) {
				checkExpression(text, file + ": " + element.getAttribute("id") + ": ", processVariables, violations);
			}
		}
	}

	private void checkExpression(String text, String where, Set<String> processVariables,
			List<ModelProblem> violations) {
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''");
			Matcher name = NAME.matcher(body);
			while (name.find()) {
				String root = name.group(1);
				if (EL_WORDS.contains(root)) {
					continue;
				}
				Class<?> bean = this.beans.typeOf(root);
				if (name.group(3) != null && bean != null) {
					String method = name.group(3);
					if (Arrays.stream(bean.getMethods()).noneMatch(m -> m.getName().equals(method))) {
						violations.add(problem(where, "bean-method", "表达式调用了不存在的方法 " + root + "." + method, "expression " + text + " calls " + root + "." + method + ", which bean "
								+ root + " (" + bean.getSimpleName() + ") does not have"));
					}
				}
				else if (bean == null && !processVariables.contains(root)) {
					violations.add(problem(where, "known-name", "表达式中的 " + root + " 既不是平台的 Bean 也不是流程变量", "expression " + text + " uses '" + root + "', which is neither a bean of the "
							+ "platform (e.g. sla, escalation, commitments) nor a variable of the process"));
				}
			}
		}
	}

	/** Expressions in an element's attributes and texts, and in its children that are not elements of their own. */
	private static void collect(org.w3c.dom.Element element, List<String> texts) {
		org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			String value = attributes.item(i).getNodeValue();
			if (value.contains("${") || value.contains("#{")) {
				texts.add(value);
			}
		}
		org.w3c.dom.NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof org.w3c.dom.Element child) {
				if (!child.hasAttribute("id")) {
					collect(child, texts);
				}
			}
			else if (children.item(i).getNodeType() == org.w3c.dom.Node.TEXT_NODE
					&& (children.item(i).getNodeValue().contains("${") || children.item(i).getNodeValue().contains("#{"))) {
				texts.add(children.item(i).getNodeValue().trim());
			}
		}
	}

	/**
	 * The platform's variables, plus those the diagram sets itself (execution.setVariable('x', …))
	 * and the element variables of its multi-instance activities (一件事: each matter's case number).
	 */
	private static Set<String> variablesOf(BpmnModelInstance model) {
		Set<String> variables = new HashSet<>(PLATFORM_VARIABLES);
		String xml = Bpmn.convertToString(model);
		Matcher set = Pattern.compile("setVariable\\('([A-Za-z_]\\w*)'").matcher(xml);
		while (set.find()) {
			variables.add(set.group(1));
		}
		Matcher element = Pattern.compile("camunda:elementVariable=\"([A-Za-z_]\\w*)\"").matcher(xml);
		while (element.find()) {
			variables.add(element.group(1));
		}
		return variables;
	}

	private static Set<String> platformVariables() {
		Set<String> names = new HashSet<>(Set.of("supplementWorkdays"));
		// the case's, and those the shared flows' starters set: the rectification's and the urge's
		for (java.lang.reflect.Field field : java.util.stream.Stream
			.of(CaseVariables.class, ReviewVariables.class, UrgeVariables.class)
			.flatMap(type -> Arrays.stream(type.getFields()))
			.toList()) {
			if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					names.add((String) field.get(null));
				}
				catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return names;
	}

	private static List<String> keysOf(JsonNode components) {
		List<String> keys = new ArrayList<>();
		for (JsonNode component : components) {
			if (component.hasNonNull("key")) {
				keys.add(component.get("key").asText());
			}
			keys.addAll(keysOf(component.path("components")));
		}
		return keys;
	}

	/** The page listing a case's materials and files (a form-js template in a text field). */
	static final String MATERIALS_LINK = "/cases/{{caseNo}}/materials";

	/**
	 * A called process is a case of its own (一件事: each matter of a bundle): it gets its case
	 * number as business key, and only references, never every variable of the caller.
	 */
	private static void checkCallActivity(CallActivity call, String where, List<ModelProblem> violations) {
		List<CamundaIn> ins = call.getExtensionElements() == null ? List.of()
				: call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
		if (blank(call.getCalledElement())) {
			violations.add(problem(where, "called-element", "调用活动须指明被调用的流程（calledElement）", "a call activity names the process it calls (calledElement)"));
		}
		if (ins.stream().noneMatch(in -> !blank(in.getCamundaBusinessKey()))) {
			violations.add(problem(where, "business-key", "调用活动须以被调用办件的编号作 businessKey", "a call activity passes the called case's number as businessKey "
					+ "(camunda:in businessKey), so the called process's timers and timeline find its case"));
		}
		if (ins.stream().anyMatch(in -> "all".equals(in.getCamundaVariables()))) {
			violations.add(problem(where, "references-only", "调用活动只传引用，不得 variables=\"all\"", "a call activity passes references only, never camunda:in variables=\"all\" "
					+ "(use a variable mapping delegate or named variables)"));
		}
	}

	private static void checkId(BaseElement element, String where, List<ModelProblem> violations) {
		if (GENERATED_ID.matcher(element.getId()).matches()) {
			violations.add(problem(where, "english-id", "自动生成的编号：请改为带类型前缀的英文编号", "a generated id: give it an English id with a type prefix "
					+ "(Task_ReviewMaterials, Gateway_MainMaterialsComplete)"));
		}
	}

	/** No DOCTYPE (external entities) before the model API reads anything. */
	private static org.w3c.dom.Document safeDocument(byte[] xml) throws Exception {
		var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	/** {@code where} is "file: element: ". */
	private static ModelProblem problem(String where, String rule, String chinese, String english) {
		String[] parts = where.split(": ", 3);
		return new ModelProblem(parts[0], parts.length > 1 ? parts[1] : "-", rule, chinese + " / " + english);
	}

	private static String template(BaseElement element) {
		return element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
	}

	static String property(BaseElement element, String name) {
		return ModelProperties.of(element, name);
	}

	/** The schema's own words: the parser wraps them a few levels deep. */
	private static String rootMessage(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private static boolean chinese(String text) {
		return text != null && CHINESE.matcher(text).find();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
