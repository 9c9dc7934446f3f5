package cn.gov.ouhai.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.PlatformTest;

/**
 * Every error reaches the caller in the API's error body ({@code error}, a Chinese / English
 * {@code message}), never Spring Boot's default body ({@code timestamp, status, error, path}) nor
 * the Whitelabel page: a path the firewall refuses, an unknown path, a wrong method, a content type
 * or a body the call does not take, over real HTTP as curl would send them.
 */
@PlatformTest
class ErrorBodyIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void refusesADoubleSlashInThePathWithTheErrorBody() {
		Answer answer = send("approver-scjg", "POST", "/api/tasks//complete", "application/json",
				"{\"decision\":\"APPROVE\"}", null);
		answer.isError(400, "MALFORMED_PATH");
	}

	@Test
	void answersUnknownPathsWith404AndTheErrorBody() {
		send("clerk", "GET", "/api/no-such-thing", null, null, null).isError(404, "NOT_FOUND");
		send("clerk", "POST", "/api/no-such-thing", "application/json", "{}", null).isError(404, "NOT_FOUND");
		// a browser asking for HTML gets the same body, not the Whitelabel page
		Answer page = send("clerk", "GET", "/no-such-page", null, null, "text/html");
		page.isError(404, "NOT_FOUND");
		assertThat(page.body()).doesNotContain("Whitelabel");
		// unauthenticated: 401 before anything is looked up
		send(null, "GET", "/api/no-such-thing", null, null, null).isError(401, "UNAUTHENTICATED");
	}

	@Test
	void answersAWrongMethodWith405AndTheErrorBody() {
		send("clerk", "DELETE", "/api/cases", null, null, null).isError(405, "METHOD_NOT_ALLOWED");
		send("approver-scjg", "GET", "/api/tasks/any/complete", null, null, null).isError(405, "METHOD_NOT_ALLOWED");
		send("approver-scjg", "PUT", "/api/tasks/any/complete", "application/json", "{\"decision\":\"APPROVE\"}", null)
			.isError(405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void answersAnUnsupportedMediaTypeWith415AndTheErrorBody() {
		send("approver-scjg", "POST", "/api/tasks/any/complete", "text/plain", "decision=APPROVE", null)
			.isError(415, "UNSUPPORTED_MEDIA_TYPE");
		send("approver-scjg", "POST", "/api/tasks/any/complete", "application/x-www-form-urlencoded",
				"decision=APPROVE", null)
			.isError(415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void answersAMissingBodyWith400AndTheErrorBody() {
		send("approver-scjg", "POST", "/api/tasks/any/complete", "application/json", "", null)
			.isError(400, "MALFORMED_BODY");
		send("approver-scjg", "POST", "/api/tasks/any/request-supplement", "application/json", null, null)
			.isError(400, "MALFORMED_BODY");
		send("head-scjg", "POST", "/api/urges/1/answer", "application/json", "", null).isError(400, "MALFORMED_BODY");
	}

	@Test
	void answersJsonEvenWhenTheCallerAcceptsOnlySomethingElse() {
		send("approver-scjg", "POST", "/api/tasks/no-such-task/complete", "application/json",
				"{\"decision\":\"APPROVE\"}", "text/plain")
			.isError(404, "TASK_NOT_FOUND");
	}

	private Answer send(String user, String method, String path, String contentType, String body, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(method + " " + path, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	record Answer(String call, int status, String contentType, String body) {

		/** The API's error body with this status and code, a bilingual message and nothing of Spring's. */
		void isError(int expectedStatus, String code) {
			String what = this.call + " → " + this.status + " " + this.contentType + " " + this.body;
			assertThat(this.status).as(what).isEqualTo(expectedStatus);
			assertThat(this.contentType).as(what).startsWith("application/json");
			JsonNode json;
			try {
				json = JSON.readTree(this.body);
			}
			catch (IOException notJson) {
				throw new AssertionError("not JSON: " + what, notJson);
			}
			assertThat(json.path("error").asText()).as(what).isEqualTo(code);
			assertThat(json.path("message").asText()).as(what).contains(" / ").matches("(?s).*\\p{IsHan}.*");
			assertThat(json.has("timestamp") || json.has("status") || json.has("path") || json.has("trace"))
				.as("Spring's default error body: " + what)
				.isFalse();
		}

	}

}
