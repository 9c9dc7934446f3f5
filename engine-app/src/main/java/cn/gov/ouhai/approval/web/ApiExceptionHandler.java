package cn.gov.ouhai.approval.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
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

import jakarta.servlet.http.HttpServletRequest;

/** Maps failures of the platform's own API ({@code /api}) to the error body of API.md. */
@RestControllerAdvice(basePackages = "cn.gov.ouhai.approval")
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/** JSON also to a browser on a printable page that asked for HTML only (the type is set, not negotiated). */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> api(ApiException ex) {
		return ErrorAnswers.of(ex);
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
		return methodNotAllowed(ex);
	}

	static ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		String allowed = ex.getSupportedMethods() == null ? "-" : String.join(", ", ex.getSupportedMethods());
		return ErrorAnswers.answer(HttpStatus.METHOD_NOT_ALLOWED.value(),
				new ApiError("METHOD_NOT_ALLOWED", "不支持的请求方法 / Method not allowed: " + ex.getMethod(),
						Map.of("method", "可用 / allowed: " + allowed)));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(NoResourceFoundException ex) {
		return ErrorAnswers.answer(HttpStatus.NOT_FOUND.value(), ErrorAnswers.notFound("/" + ex.getResourcePath()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		return unsupportedMediaType(ex);
	}

	static ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		String supported = ex.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
				: ex.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
		return ErrorAnswers.answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), new ApiError("UNSUPPORTED_MEDIA_TYPE",
				"不支持的内容类型 / Unsupported content type: " + (ex.getContentType() == null ? "none" : ex.getContentType()),
				Map.of("Content-Type", "可用 / supported: " + supported)));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return ErrorAnswers.answer(HttpStatus.NOT_ACCEPTABLE.value(), ErrorAnswers.notAcceptable());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return ErrorAnswers.answer(HttpStatus.PAYLOAD_TOO_LARGE.value(), ErrorAnswers.tooLarge());
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
	 * Everything else. The platform's own failure wrapped by the engine (a {@code ProcessEngineException}
	 * around an {@link ApiException} thrown in a listener or a due-date expression) answers as that
	 * failure; the database out of reach, however Spring ({@code CannotGetJdbcConnectionException},
	 * {@code CannotCreateTransactionException}), MyBatis or the engine wrapped it, 503 with a message;
	 * Spring MVC's own refusals their status; anything else 500 with the error body and no stack
	 * trace. Spring Security's exceptions go on to its filters.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> anyOther(Exception ex, HttpServletRequest request) throws Exception {
		ApiException api = ErrorAnswers.apiCause(ex);
		if (api != null) {
			return ErrorAnswers.of(api);
		}
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		if (DatabaseOutage.isCauseOf(ex)) {
			return databaseOutage(ex);
		}
		if (ex instanceof ErrorResponse refused && !refused.getStatusCode().is5xxServerError()) {
			return ErrorAnswers.answer(refused.getStatusCode().value(),
					ErrorAnswers.forStatus(refused.getStatusCode().value(), request.getRequestURI()));
		}
		return ErrorAnswers.unexpected(ex, request.getMethod() + " " + request.getRequestURI());
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
