package cn.gov.ouhai.approval.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads every JSON body sent to the engine's REST API ({@code /engine-rest}, and the webapps' copy of
 * it under {@code /camunda/api/engine}) and refuses, before the engine sees it:
 * <ul>
 * <li>CVE-2026-109432: Camunda 7.24 evaluates expressions nested in a task query's {@code orQueries}
 * even though ad-hoc query expressions are off, which lets any logged-in user run code: any body whose
 * {@code orQueries} carry an expression ({@code ${...}}, {@code #{...}}, or a {@code ...Expression}
 * field);</li>
 * <li>variables in Java serialization ({@code serializationDataFormat}
 * {@code application/x-java-serialized-object}): the engine refuses them too, but with a 500 and a
 * stack trace in the log; here they get a 400 that says why.</li>
 * </ul>
 */
class EngineRestBodyGuard extends OncePerRequestFilter {

	static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";

	/** Query bodies are small; a larger JSON body is not a query and is let through unread. */
	private static final int MAX_INSPECTED_BYTES = 1024 * 1024;

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		String type = request.getContentType();
		boolean writes = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
		return !writes || type == null || !type.toLowerCase().contains("json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BYTES + 1);
		JsonNode root = body.length <= MAX_INSPECTED_BYTES ? parse(body) : null;
		if (root != null && orQueriesWithExpression(root, false)) {
			refuse(response, "查询的 orQueries 中不允许使用表达式 / Expressions are not allowed in orQueries");
			return;
		}
		if (root != null && javaSerialized(root)) {
			refuse(response, "不接受 Java 序列化格式的变量 / Variables in Java serialization ("
					+ JAVA_SERIALIZATION + ") are not accepted");
			return;
		}
		chain.doFilter(new ReplayedBody(request, body), response);
	}

	/** Answers in the shape of the engine's own REST errors, which the Modeler and Tasklist show. */
	private static void refuse(HttpServletResponse response, String message) throws IOException {
		response.setStatus(400);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}");
	}

	boolean carriesOrQueryExpression(byte[] body) {
		JsonNode root = parse(body);
		return root != null && orQueriesWithExpression(root, false);
	}

	private JsonNode parse(byte[] body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException notJson) {
			return null; // the engine answers malformed JSON itself
		}
	}

	/** Any {@code serializationDataFormat} naming Java serialization, at any depth (variables, modifications, messages). */
	private static boolean javaSerialized(JsonNode node) {
		if (node.isArray()) {
			for (JsonNode item : node) {
				if (javaSerialized(item)) {
					return true;
				}
			}
			return false;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().equals("serializationDataFormat") && field.getValue().isTextual()
					&& field.getValue().asText().trim().toLowerCase().startsWith(JAVA_SERIALIZATION)) {
				return true;
			}
			if (javaSerialized(field.getValue())) {
				return true;
			}
		}
		return false;
	}

	private static boolean orQueriesWithExpression(JsonNode node, boolean insideOrQueries) {
		if (node.isTextual()) {
			String text = node.asText();
			return insideOrQueries && (text.contains("${") || text.contains("#{"));
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				if (orQueriesWithExpression(item, insideOrQueries)) {
					return true;
				}
			}
			return false;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			boolean inside = insideOrQueries || "orQueries".equals(field.getKey());
			if (inside && field.getKey().endsWith("Expression") && !field.getValue().isNull()) {
				return true;
			}
			if (orQueriesWithExpression(field.getValue(), inside)) {
				return true;
			}
		}
		return false;
	}

	/** The request with its body, already read by the guard, readable again. */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private final HttpServletRequest original;

		private boolean replayed;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.original = request;
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.replayed) {
				return this.original.getInputStream();
			}
			this.replayed = true;
			ServletInputStream rest = this.original.getInputStream();
			ByteArrayInputStream head = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					int b = head.read();
					return b >= 0 ? b : rest.read();
				}

				@Override
				public boolean isFinished() {
					return head.available() == 0 && rest.isFinished();
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

	}

}
