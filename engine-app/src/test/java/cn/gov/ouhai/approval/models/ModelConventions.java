package cn.gov.ouhai.approval.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import cn.gov.ouhai.approval.engine.ModelProperties;
import cn.gov.ouhai.approval.review.ReviewState;
import cn.gov.ouhai.approval.review.ReviewVariables;
import cn.gov.ouhai.approval.supervision.UrgeState;
import cn.gov.ouhai.approval.supervision.UrgeVariables;

/**
 * The platform's conventions for diagrams, checked with Camunda's own model API. Each violation
 * names the file, the element id and the rule in plain words.
 */
class ModelConventions {

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/** Ids the Modeler generates (Activity_0x1abcd, Flow_1k2j3h4, Gateway_0abc123). */
	private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{6}$");

	static final String TIMED_STEP_TEMPLATE = "cn.gov.ouhai.approval.TimedApprovalStep";

	static final String CLOCK_PAUSING_TEMPLATE = "cn.gov.ouhai.approval.ClockPausingStep";

	private final Map<String, JsonNode> forms = new HashMap<>();

	private final Map<String, Class<?>> beans = platformBeans();

	private final List<String> formProblems = new ArrayList<>();

	ModelConventions(Path formDirectory) throws IOException {
		ObjectMapper json = new ObjectMapper();
		for (Path form : ProcessModelConventionsTests.files(formDirectory, ".form")) {
			String file = form.getFileName().toString();
			try {
				JsonNode root = json.readTree(form.toFile());
				String id = root.path("id").asText();
				if (!file.equals(id + ".form")) {
					this.formProblems.add(file + ": " + id + ": a form file is named after its id (" + id + ".form)");
				}
				if (!root.path("components").isArray() || root.path("components").isEmpty()) {
					this.formProblems.add(file + ": " + id + ": a form has components");
				}
				this.forms.put(id, root);
			}
			catch (IOException e) {
				this.formProblems.add(file + ": -: is not valid form JSON (" + e.getMessage() + ")");
			}
		}
	}

	List<String> check(Path file) {
		List<String> violations = new ArrayList<>(this.formProblems);
		String name = file.getFileName().toString();
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromFile(file.toFile());
		}
		catch (RuntimeException e) {
			violations.add(name + ": -: does not parse as BPMN 2.0 (" + rootMessage(e) + ")");
			return violations;
		}
		this.processVariables = variablesOf(model);
		checkExpressions(file, name, violations);
		List<Process> processes = new ArrayList<>(model.getModelElementsByType(Process.class));
		if (processes.size() != 1) {
			violations.add(name + ": -: one process per file, found " + processes.size());
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
				violations.add(where + "the file is named after the process id (" + process.getId() + ".bpmn)");
			}
			if (process.getCamundaHistoryTimeToLiveString() == null) {
				violations.add(where + "every process needs a historyTimeToLive (Camunda 7.20+ refuses it otherwise)");
			}
			if (!chinese(process.getName())) {
				violations.add(where + "a process has a Chinese name (the matter's name)");
			}
			if (!shapes.contains(process.getId()) && model.getDefinitions().getBpmDiagrams().isEmpty()) {
				violations.add(where + "has no diagram (BPMNDiagram) at all");
			}
		}
		double leftmostEnd = Double.MAX_VALUE;
		double rightmostStart = -Double.MAX_VALUE;
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			String where = name + ": " + node.getId() + ": ";
			checkId(node, where, violations);
			if (!shapes.contains(node.getId())) {
				violations.add(where + "has no shape in the diagram (the Modeler would not show it)");
			}
			boolean unnamedAllowed = node instanceof Gateway
					&& !(node instanceof ExclusiveGateway && node.getOutgoing().size() > 1);
			if (!unnamedAllowed && !chinese(node.getName())) {
				violations.add(where + "needs a Chinese name (tasks: verb + object; events: a result; "
						+ "splitting exclusive gateways: a question)");
			}
			if (node instanceof ScriptTask) {
				violations.add(where + "script tasks are not allowed (they run with the server's rights)");
			}
			if (node instanceof UserTask task) {
				checkUserTask(task, where, violations);
			}
			if (node instanceof CallActivity call) {
				checkCallActivity(call, where, violations);
			}
			if (node instanceof StartEvent start && start.getCamundaFormRef() != null
					&& !this.forms.containsKey(start.getCamundaFormRef())) {
				violations.add(where + "formRef " + start.getCamundaFormRef() + " has no form in form-definitions/");
			}
			if (node instanceof EndEvent && node.getParentElement() instanceof Process && !afterSideTimer(node)) {
				checkFinalState(node, where, violations);
			}
			String pause = property(node, "sla.pause");
			if (pause != null && !pause.equals("SUPPLEMENT") && !pause.equals("SPECIAL_PROCEDURE")) {
				violations.add(where + "sla.pause is SUPPLEMENT or SPECIAL_PROCEDURE, not " + pause);
			}
			if (pause != null && !CLOCK_PAUSING_TEMPLATE.equals(template(node))) {
				violations.add(where + "a step not counted in the limit uses the element template "
						+ CLOCK_PAUSING_TEMPLATE + " (不计时环节)");
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
			violations.add(name + ": -: the diagram runs left to right (start events left of end events)");
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			String where = name + ": " + flow.getId() + ": ";
			checkId(flow, where, violations);
			if (!edges.contains(flow.getId())) {
				violations.add(where + "has no edge in the diagram (the Modeler would not draw it)");
			}
			if (flow.getSource() instanceof ExclusiveGateway && flow.getSource().getOutgoing().size() > 1
					&& !chinese(flow.getName())) {
				violations.add(where + "a flow out of a question gateway is named with its answer");
			}
		}
		return violations;
	}

	/**
	 * A decision table parses with the engine's DMN model API, has a Chinese name, an English id
	 * named after its file, a historyTimeToLive, and a last rule that catches every input (no gaps
	 * for answers the forms allow) unless its hit policy says otherwise.
	 */
	List<String> checkDecisions(Path file) {
		List<String> violations = new ArrayList<>();
		String name = file.getFileName().toString();
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromFile(file.toFile());
		}
		catch (RuntimeException e) {
			violations.add(name + ": -: does not parse as DMN 1.3 (" + rootMessage(e) + ")");
			return violations;
		}
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			String where = name + ": " + decision.getId() + ": ";
			if (!name.equals(decision.getId() + ".dmn")) {
				violations.add(where + "the file is named after the decision id (" + decision.getId() + ".dmn)");
			}
			if (!chinese(decision.getName())) {
				violations.add(where + "a decision has a Chinese name");
			}
			if (decision.getCamundaHistoryTimeToLiveString() == null) {
				violations.add(where + "every decision needs a historyTimeToLive");
			}
			for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
				List<Rule> rules = new ArrayList<>(table.getRules());
				boolean catchAll = !rules.isEmpty() && rules.get(rules.size() - 1)
					.getInputEntries()
					.stream()
					.allMatch(entry -> entry.getTextContent() == null || entry.getTextContent().isBlank()
							|| entry.getTextContent().trim().equals("-"));
				if (table.getHitPolicy() == HitPolicy.FIRST && !catchAll) {
					violations.add(where + "a FIRST table ends with a rule that catches every input, so no answer "
							+ "falls through");
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
	private static void checkFinalState(FlowNode end, String where, List<String> violations) {
		String status = property(end, "caseStatus");
		String reviewState = property(end, "reviewState");
		String urgeState = property(end, "urgeState");
		if (reviewState != null) {
			if (Arrays.stream(ReviewState.values()).noneMatch(s -> s.name().equals(reviewState))) {
				violations.add(where + "reviewState is one of " + Arrays.toString(ReviewState.values()));
			}
			return;
		}
		if (urgeState != null) {
			if (Arrays.stream(UrgeState.values()).noneMatch(s -> s.name().equals(urgeState))) {
				violations.add(where + "urgeState is one of " + Arrays.toString(UrgeState.values()));
			}
			return;
		}
		if (status == null || Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
			violations.add(where + "an end event of a matter process sets the case's final status "
					+ "(extension property caseStatus, e.g. COMPLETED or DENIED; in the rectification "
					+ "reviewState, in the urge process urgeState)");
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

	private void checkUserTask(UserTask task, String where, List<String> violations) {
		String workdays = property(task, "sla.workdays");
		if (workdays != null && !workdays.matches("\\d+")) {
			violations.add(where + "sla.workdays is a whole number of working days, not " + workdays);
		}
		if (workdays != null && !TIMED_STEP_TEMPLATE.equals(template(task))) {
			violations.add(where + "a step with a time limit uses the element template " + TIMED_STEP_TEMPLATE
					+ " (审批环节（带办理时限）)");
		}
		if (workdays != null && !"${sla.stepDue(execution)}".equals(task.getCamundaDueDate())) {
			violations.add(where + "a step with a time limit takes its due date from the calendar: "
					+ "dueDate ${sla.stepDue(execution)}");
		}
		String due = task.getCamundaDueDate();
		if (due == null || !due.startsWith("${sla.")) {
			violations.add(where + "a user task has a due date from the working-day calendar (dueDate ${sla.…}, e.g. "
					+ "${sla.stepDue(execution)} or ${sla.workdaysFromNow(10)}), so its light and Tasklist's due date are right");
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
					violations.add(where + "a step with a time limit has its warning and overdue timers (boundary "
							+ "timers at " + "${sla.stepYellow(execution)}, ${sla.stepDue(execution)} and "
							+ "${sla.stepOverdueBy(execution, 1)}); missing " + expected);
				}
			}
			if (timers.stream().noneMatch(t -> t.startsWith("${sla.stepOverdueBy(execution"))) {
				violations.add(where + "a step with a time limit escalates when it stays red (a boundary timer at "
						+ "${sla.stepOverdueBy(execution, 1)}); missing");
			}
		}
		if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee())) {
			violations.add(where + "a user task names who works it (candidateGroups: a department or role)");
		}
		String formRef = task.getCamundaFormRef();
		if (formRef == null) {
			violations.add(where + "a user task has a Camunda Form (formRef) so Tasklist can show it");
		}
		else if (!this.forms.containsKey(formRef)) {
			violations.add(where + "formRef " + formRef + " has no form in form-definitions/");
		}
		else {
			String form = this.forms.get(formRef).toString();
			if (property(task, "decisions") != null && !form.contains("\"decision\"")) {
				violations.add(where + "form " + formRef + " has no field 'decision' for the step's decisions");
			}
			for (String key : keysOf(this.forms.get(formRef).path("components"))) {
				if (!this.processVariables.contains(key)) {
					violations.add(where + "form " + formRef + " has field '" + key + "', which is not a variable the "
							+ "process uses (the platform's case variables, or one its expressions read)");
				}
			}
			if (!form.contains(MATERIALS_LINK)) {
				violations.add(where + "form " + formRef + " links the case's materials, so the approver sees the files: "
						+ "a text field with (" + MATERIALS_LINK + ")");
			}
		}
	}

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

	private Set<String> processVariables = Set.of();

	/**
	 * Every expression in the diagram (conditions, due dates, timers, listeners, delegates) calls
	 * beans that exist with methods they have, and reads only variables the process has.
	 */
	private void checkExpressions(Path path, String file, List<String> violations) {
		org.w3c.dom.Document document;
		try {
			var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			document = factory.newDocumentBuilder().parse(path.toFile());
		}
		catch (Exception e) {
			return; // the model API has reported why it does not parse
		}
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
				checkExpression(text, file + ": " + element.getAttribute("id") + ": ", violations);
			}
		}
	}

	private void checkExpression(String text, String where, List<String> violations) {
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''");
			Matcher name = NAME.matcher(body);
			while (name.find()) {
				String root = name.group(1);
				if (EL_WORDS.contains(root)) {
					continue;
				}
				Class<?> bean = this.beans.get(root);
				if (name.group(3) != null && bean != null) {
					String method = name.group(3);
					if (Arrays.stream(bean.getMethods()).noneMatch(m -> m.getName().equals(method))) {
						violations.add(where + "expression " + text + " calls " + root + "." + method + ", which bean "
								+ root + " (" + bean.getSimpleName() + ") does not have");
					}
				}
				else if (bean == null && !this.processVariables.contains(root)) {
					violations.add(where + "expression " + text + " uses '" + root + "', which is neither a bean of the "
							+ "platform (e.g. sla, escalation, commitments) nor a variable of the process");
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

	/** The platform's beans by name (what ${name.…} in a diagram resolves to), found as Spring would. */
	private static Map<String, Class<?>> platformBeans() {
		var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(true);
		var names = new org.springframework.context.annotation.AnnotationBeanNameGenerator();
		var registry = new org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry();
		Map<String, Class<?>> beans = new HashMap<>();
		for (var candidate : scanner.findCandidateComponents("cn.gov.ouhai.approval")) {
			try {
				beans.put(names.generateBeanName(candidate, registry), Class.forName(candidate.getBeanClassName()));
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		}
		return beans;
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
	private static void checkCallActivity(CallActivity call, String where, List<String> violations) {
		List<CamundaIn> ins = call.getExtensionElements() == null ? List.of()
				: call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
		if (blank(call.getCalledElement())) {
			violations.add(where + "a call activity names the process it calls (calledElement)");
		}
		if (ins.stream().noneMatch(in -> !blank(in.getCamundaBusinessKey()))) {
			violations.add(where + "a call activity passes the called case's number as businessKey "
					+ "(camunda:in businessKey), so the called process's timers and timeline find its case");
		}
		if (ins.stream().anyMatch(in -> "all".equals(in.getCamundaVariables()))) {
			violations.add(where + "a call activity passes references only, never camunda:in variables=\"all\" "
					+ "(use a variable mapping delegate or named variables)");
		}
	}

	private static void checkId(BaseElement element, String where, List<String> violations) {
		if (GENERATED_ID.matcher(element.getId()).matches()) {
			violations.add(where + "a generated id: give it an English id with a type prefix "
					+ "(Task_ReviewMaterials, Gateway_MainMaterialsComplete)");
		}
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
