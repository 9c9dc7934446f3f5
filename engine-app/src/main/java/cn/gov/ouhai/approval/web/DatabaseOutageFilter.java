package cn.gov.ouhai.approval.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 503 {@code DATABASE_UNAVAILABLE} for a database outage met outside the controllers, chiefly while
 * checking HTTP Basic credentials against the engine's users (before any controller runs, so the
 * {@link ApiExceptionHandler} never sees it). Without it the container would answer 500. Runs just
 * before Spring Security.
 */
@Component
class DatabaseOutageFilter extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final ObjectMapper json;

	DatabaseOutageFilter(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public int getOrder() {
		return SecurityProperties.DEFAULT_FILTER_ORDER - 1;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !DatabaseOutage.isCauseOf(ex)) {
				throw ex;
			}
			log.warn("database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					DatabaseOutage.describe(ex));
			response.reset();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "5");
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			this.json.writeValue(response.getWriter(), DatabaseOutage.error());
		}
	}

}
