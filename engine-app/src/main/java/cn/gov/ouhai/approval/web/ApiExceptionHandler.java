package cn.gov.ouhai.approval.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Maps failures of the platform's own API ({@code /api}) to the error body of API.md. */
@RestControllerAdvice(basePackages = "cn.gov.ouhai.approval")
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/** JSON also to a browser on a printable page that asked for HTML only (the type is set, not negotiated). */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> api(ApiException ex) {
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError(ex.code(), ex.getMessage(), ex.fields()));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		ex.getBindingResult().getFieldErrors().forEach(e -> fields.putIfAbsent(e.getField(), e.getDefaultMessage()));
		return ResponseEntity.badRequest()
			.body(new ApiError("VALIDATION_FAILED", "请求内容有误 / The request has invalid fields", fields));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String path = mismatch.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
			String expected = mismatch instanceof InvalidFormatException invalid
					? invalid.getTargetType().getSimpleName() : mismatch.getTargetType() == null ? "value"
							: mismatch.getTargetType().getSimpleName();
			fields.put(path, "类型不对，应为 " + expected + " / wrong type, expected " + expected);
		}
		return ResponseEntity.badRequest()
			.body(new ApiError("MALFORMED_BODY", "请求体不是有效的 JSON 或字段类型不对 / The body is not valid JSON for this call",
					fields));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ApiError> badParameter(Exception ex) {
		return ResponseEntity.badRequest()
			.body(new ApiError("BAD_PARAMETER", "请求参数有误 / Bad request parameter: " + ex.getMessage(), Map.of()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.body(new ApiError("METHOD_NOT_ALLOWED", "不支持的请求方法 / Method not allowed: " + ex.getMethod(), Map.of()));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(NoResourceFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(new ApiError("NOT_FOUND", "没有这个地址 / No such path: /" + ex.getResourcePath(), Map.of()));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(new ApiError("REQUEST_TOO_LARGE", "上传内容超过服务器允许的大小，未作记录 / The upload is larger than the server "
					+ "accepts; nothing was stored", Map.of()));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiError> badMultipart(MultipartException ex) {
		return ResponseEntity.badRequest()
			.body(new ApiError("MALFORMED_MULTIPART", "上传请求格式不对 / The multipart request could not be read", Map.of()));
	}

	@ExceptionHandler(TransientDataAccessException.class)
	ResponseEntity<ApiError> unavailable(TransientDataAccessException ex) {
		if (DatabaseOutage.isCauseOf(ex)) {
			return databaseOutage(ex);
		}
		log.warn("database unavailable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(new ApiError("UNAVAILABLE", "数据库暂时不可用，请稍后重试 / The database is unavailable, try again shortly",
					Map.of()));
	}

	/**
	 * The database out of reach, however Spring ({@code CannotGetJdbcConnectionException},
	 * {@code CannotCreateTransactionException}), MyBatis or the engine ({@code ProcessEngineException})
	 * wrapped it: 503 with a message, never a 500 with a stack trace. Any other failure of these types
	 * is rethrown as it came, to be handled as before.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, ProcessEngineException.class,
			PersistenceException.class })
	ResponseEntity<ApiError> databaseUnavailable(Exception ex) throws Exception {
		if (!DatabaseOutage.isCauseOf(ex)) {
			throw ex;
		}
		return databaseOutage(ex);
	}

	private static ResponseEntity<ApiError> databaseOutage(Exception ex) {
		// one line, no stack trace: while the database is away every request fails the same way
		log.warn("database unavailable, answered 503: {}", DatabaseOutage.describe(ex));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "5")
			.contentType(MediaType.APPLICATION_JSON)
			.body(DatabaseOutage.error());
	}

}
