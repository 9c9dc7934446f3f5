package cn.gov.ouhai.approval.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deployment as the Camunda Modeler sends it: multipart POST to /engine-rest/deployment/create. */
public final class Deployments {

	private static final Pattern PROCESS_ID = Pattern.compile("<(?:bpmn:)?process id=\"([^\"]+)\"");

	private Deployments() {
	}

	/** One diagram, named after its process id as the Modeler names the file it deploys. */
	static HttpResponse<String> create(int port, String user, String bpmn) throws Exception {
		Matcher id = PROCESS_ID.matcher(bpmn);
		String file = id.find() ? id.group(1) + ".bpmn" : "model.bpmn";
		return create(port, user, "modeler", true, Map.of(file, bpmn.getBytes(StandardCharsets.UTF_8)));
	}

	/** The diagram and the forms attached to it, each a part named after its file. */
	public static HttpResponse<String> create(int port, String user, String name, boolean duplicateFiltering,
			Map<String, byte[]> files) throws Exception {
		String boundary = "----modeler" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", name);
		fields.put("enable-duplicate-filtering", String.valueOf(duplicateFiltering));
		fields.put("deployment-source", "Camunda Modeler");
		for (var field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (var file : files.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
					+ "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.getValue());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/engine-rest/deployment/create"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The smallest diagram that follows the platform's conventions (Chinese names, English ids, a
	 * picture, a historyTimeToLive, the end sets the case's status): what an analyst may deploy.
	 */
	static String smallestDiagram(String processId, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    id="Definitions_%1$s" targetNamespace="http://ouhai.gov.cn/approval">
				  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Begun" name="检查开始" />
				    <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="StartEvent_Begun" targetRef="EndEvent_Done" />
				    <bpmn:endEvent id="EndEvent_Done" name="检查已完成">
				      <bpmn:extensionElements>
				        <camunda:properties><camunda:property name="caseStatus" value="COMPLETED" /></camunda:properties>
				      </bpmn:extensionElements>
				    </bpmn:endEvent>
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="BPMNDiagram_%1$s">
				    <bpmndi:BPMNPlane id="BPMNPlane_%1$s" bpmnElement="%1$s">
				      <bpmndi:BPMNShape id="StartEvent_Begun_di" bpmnElement="StartEvent_Begun">
				        <dc:Bounds x="152" y="82" width="36" height="36" />
				      </bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="EndEvent_Done_di" bpmnElement="EndEvent_Done">
				        <dc:Bounds x="252" y="82" width="36" height="36" />
				      </bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="Flow_ToDone_di" bpmnElement="Flow_ToDone">
				        <di:waypoint x="188" y="100" />
				        <di:waypoint x="252" y="100" />
				      </bpmndi:BPMNEdge>
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</bpmn:definitions>
				""".formatted(processId, name);
	}

}
