package cn.gov.ouhai.approval.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One answer for every failure, wherever it was met (a controller, the engine inside a command, a
 * filter, the servlet container): the error body of API.md, never Spring's default body nor a
 * Whitelabel page. The type is set, not negotiated, so a caller that asked for HTML or text gets the
 * JSON error too rather than a second failure.
 */
final class ErrorAnswers {

	private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

	static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	private static final int MAX_CAUSES = 20;

	private ErrorAnswers() {
	}

	static ResponseEntity<ApiError> of(ApiException ex) {
		return answer(ex.status().value(), new ApiError(ex.code(), ex.getMessage(), ex.fields()));
	}

	static ResponseEntity<ApiError> answer(int status, ApiError body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * The platform's own failure behind this one, if any: the engine wraps what a listener, delegate
	 * or expression threw ({@code ProcessEngineException}, JUEL's {@code ELException}, reflection's
	 * {@code InvocationTargetException}), e.g. {@code CalendarYearNotLoaded} from a timer's due date.
	 */
	static ApiException apiCause(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			if (current instanceof ApiException api) {
				return api;
			}
			current = current.getCause() == current ? null : current.getCause();
		}
		return null;
	}

	/** A failure nobody foresaw: logged whole, answered 500 without its insides. */
	static ResponseEntity<ApiError> unexpected(Throwable failure, String where) {
		log.error("unexpected failure of {}, answered 500", where, failure);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR.value(), internalError());
	}

	static ApiError internalError() {
		return new ApiError(INTERNAL_ERROR, "服务器内部错误，请稍后重试或联系管理员 / Internal server error; please try again "
				+ "or contact the administrator", Map.of());
	}

	/** The body for a bare status (the container's or a filter's {@code sendError}). */
	static ApiError forStatus(int status, String path) {
		return switch (status) {
			case 400 -> new ApiError("BAD_REQUEST", "请求有误 / Bad request", Map.of());
			case 401 -> new ApiError("UNAUTHENTICATED", "请先登录 / Authentication required", Map.of());
			case 403 -> new ApiError("FORBIDDEN", "无权访问 / Access denied", Map.of());
			case 404 -> notFound(path);
			case 405 -> new ApiError("METHOD_NOT_ALLOWED", "不支持的请求方法 / Method not allowed", Map.of());
			case 406 -> notAcceptable();
			case 413 -> tooLarge();
			case 415 -> new ApiError("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型 / Unsupported content type", Map.of());
			case 500 -> internalError();
			case 503 -> new ApiError("UNAVAILABLE", "服务暂时不可用，请稍后重试 / The service is unavailable, try again shortly",
					Map.of());
			default -> new ApiError("HTTP_" + status, "请求未能完成（" + status + "） / The request failed (" + status + ")",
					Map.of());
		};
	}

	static ApiError notFound(String path) {
		return new ApiError("NOT_FOUND", "没有这个地址 / No such path: " + (path == null ? "" : path), Map.of());
	}

	static ApiError notAcceptable() {
		return new ApiError("NOT_ACCEPTABLE", "无法以所要求的格式答复，本接口只答 JSON / Cannot answer in the requested format; "
				+ "this API answers JSON", Map.of());
	}

	static ApiError tooLarge() {
		return new ApiError("REQUEST_TOO_LARGE", "上传内容超过服务器允许的大小，未作记录 / The upload is larger than the server "
				+ "accepts; nothing was stored", Map.of());
	}

}
