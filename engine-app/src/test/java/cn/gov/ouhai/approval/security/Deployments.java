package cn.gov.ouhai.approval.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A deployment as the Camunda Modeler sends it: multipart POST to /engine-rest/deployment/create. */
final class Deployments {

	private Deployments() {
	}

	static HttpResponse<String> create(int port, String user, String bpmn) throws Exception {
		String boundary = "----modeler" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"model.bpmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/engine-rest/deployment/create"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
