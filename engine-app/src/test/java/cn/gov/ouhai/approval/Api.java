package cn.gov.ouhai.approval;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Real HTTP against the running platform, as a hall terminal or curl would call it. */
public final class Api {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	public Response post(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)));
	}

	/** A JSON POST with extra headers, e.g. the {@code Origin} and {@code Sec-Fetch-Site} a browser adds. */
	public Response post(String user, String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(user, request);
	}

	/** A form POST as a page's plain HTML form sends it, with extra headers (a browser's Sec-Fetch-Site). */
	public Response postForm(String user, String path, Map<String, String> fields, Map<String, String> headers) {
		String form = fields.entrySet()
			.stream()
			.map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(user, request);
	}

	public Response post(String user, String path, Object body) {
		try {
			return post(user, path, JSON.writeValueAsString(body));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public Response delete(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path)).DELETE());
	}

	public Response put(String user, String path, Object body) {
		try {
			String json = body instanceof String text ? text : JSON.writeValueAsString(body);
			return send(user, HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A multipart/form-data POST, as a hall terminal uploading scans or curl {@code -F} sends it. */
	public Response postMultipart(String user, String path, List<Part> parts) {
		String boundary = "----approval" + java.util.UUID.randomUUID().toString().replace("-", "");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--").append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(part.name())
				.append('"');
			if (part.fileName() != null) {
				head.append("; filename=\"").append(part.fileName()).append('"');
			}
			head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
			body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** The raw bytes of a GET, for downloads. */
	public BinaryResponse getBytes(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		authorize(user, request);
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new BinaryResponse(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void authorize(String user, HttpRequest.Builder request) {
		if (user != null) {
			String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : "demo";
			String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
	}

	/** A part of a multipart body: a file when it has a file name. */
	public record Part(String name, String fileName, String contentType, byte[] content) {

		public static Part json(String name, Object value) {
			try {
				return new Part(name, null, "application/json", JSON.writeValueAsBytes(value));
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

		public static Part file(String material, String fileName, byte[] content) {
			return new Part(material, fileName, "application/octet-stream", content);
		}

	}

	public record BinaryResponse(int status, byte[] body, Map<String, List<String>> headers) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map(e -> e.getValue().get(0))
				.orElse(null);
		}

	}

	private Response send(String user, HttpRequest.Builder request) {
		authorize(user, request);
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			try {
				return this.body == null || this.body.isBlank() ? MissingNode.getInstance() : JSON.readTree(this.body);
			}
			catch (IOException e) {
				throw new IllegalStateException("not JSON (" + this.status + "): " + this.body, e);
			}
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
