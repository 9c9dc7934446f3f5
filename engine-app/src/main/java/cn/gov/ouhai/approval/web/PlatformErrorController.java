package cn.gov.ouhai.approval.web;

import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error page of every failure the controllers' advice never saw: a path no controller serves
 * (404), a method or content type a path does not take when no handler was chosen, a request the
 * firewall or a filter refused, an exception a filter let through. Answers with the error body of
 * API.md in place of Spring Boot's default body ({@code timestamp, status, error, path}) and its
 * Whitelabel page, which it replaces.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class PlatformErrorController implements ErrorController {

	private final ErrorAttributes errors;

	PlatformErrorController(ErrorAttributes errors) {
		this.errors = errors;
	}

	@RequestMapping
	ResponseEntity<ApiError> error(HttpServletRequest request) {
		Throwable failure = this.errors.getError(new ServletWebRequest(request));
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		// called directly, not as an error page: there is nothing here
		int status = code instanceof Integer number ? number : HttpStatus.NOT_FOUND.value();
		if (failure != null) {
			ApiException api = ErrorAnswers.apiCause(failure);
			if (api != null) {
				return ErrorAnswers.of(api);
			}
			if (DatabaseOutage.isCauseOf(failure)) {
				return ErrorAnswers.answer(HttpStatus.SERVICE_UNAVAILABLE.value(), DatabaseOutage.error());
			}
			if (failure instanceof HttpRequestMethodNotSupportedException method) {
				return ApiExceptionHandler.methodNotAllowed(method);
			}
			if (failure instanceof HttpMediaTypeNotSupportedException mediaType) {
				return ApiExceptionHandler.unsupportedMediaType(mediaType);
			}
			if (status >= 500) {
				return ErrorAnswers.unexpected(failure, request.getMethod() + " " + path);
			}
		}
		return ErrorAnswers.answer(status, ErrorAnswers.forStatus(status, path));
	}

}
