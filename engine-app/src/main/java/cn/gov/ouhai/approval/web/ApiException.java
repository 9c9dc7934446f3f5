package cn.gov.ouhai.approval.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on: rendered as {@code {"error", "message", "fields"}} with its
 * status. Messages carry Chinese first, then English, because clerks and integrators both read them.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, String> fields;

	public ApiException(HttpStatus status, String code, String message) {
		this(status, code, message, Map.of());
	}

	public ApiException(HttpStatus status, String code, String message, Map<String, String> fields) {
		super(message);
		this.status = status;
		this.code = code;
		this.fields = Map.copyOf(fields);
	}

	public static ApiException notFound(String code, String message) {
		return new ApiException(HttpStatus.NOT_FOUND, code, message);
	}

	public static ApiException badRequest(String code, String message, Map<String, String> fields) {
		return new ApiException(HttpStatus.BAD_REQUEST, code, message, fields);
	}

	public static ApiException forbidden(String message) {
		return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
	}

	public static ApiException conflict(String code, String message) {
		return new ApiException(HttpStatus.CONFLICT, code, message);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Map<String, String> fields() {
		return this.fields;
	}

}
