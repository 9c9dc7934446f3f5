package cn.gov.ouhai.approval.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff log in once at {@code /workbench/login}: a session cookie (HttpOnly, SameSite=Lax) carries the
 * login to {@code /api/**}, and every state-changing request riding on that session must echo the
 * token of the {@code WORKBENCH-XSRF} cookie in {@code X-XSRF-TOKEN}. Requests with their own HTTP
 * Basic credentials (curl, the Modeler, terminals) carry no session and need no token. The cookie is
 * not called {@code XSRF-TOKEN}: that name is the Camunda webapps' own token (path {@code /camunda}).
 */
final class WorkbenchSession {

	static final String LOGIN = "/workbench/login";

	static final String LOGOUT = "/workbench/logout";

	static final String CSRF_COOKIE = "WORKBENCH-XSRF";

	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private WorkbenchSession() {
	}

	static CookieCsrfTokenRepository csrfTokens(boolean tls) {
		CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieName(CSRF_COOKIE);
		tokens.setHeaderName(CSRF_HEADER);
		tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax").secure(tls));
		return tokens;
	}

	/**
	 * The requests that must carry the token: the login itself (no logging a browser in as someone else
	 * from another page) and every change that would ride on a session cookie rather than credentials of
	 * its own. The webapps under {@code /camunda} check their own token.
	 */
	static RequestMatcher needsCsrfToken() {
		return request -> {
			if (SAFE_METHODS.contains(request.getMethod())) {
				return false;
			}
			String path = path(request);
			if (path.equals(LOGIN)) {
				return true;
			}
			if (path.startsWith("/camunda/")) {
				return false;
			}
			return request.getHeader("Authorization") == null && request.getRequestedSessionId() != null;
		};
	}

	/** The SPA reads the token from its cookie: have the cookie written on the pages and reads of the workbench. */
	static final class TokenCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = path(request);
			if (path.equals("/workbench") || path.startsWith("/workbench/") || path.startsWith("/api/workbench/")) {
				CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
				if (token != null) {
					token.getToken();
				}
			}
			chain.doFilter(request, response);
		}

	}

	/** 200 with who logged in (the SPA then loads its screens). */
	static AuthenticationSuccessHandler loggedIn() {
		return (request, response, authentication) -> {
			response.setStatus(200);
			json(response, "{\"id\":\"" + escape(authentication.getName()) + "\"}");
		};
	}

	static AuthenticationFailureHandler refused() {
		return (request, response, exception) -> SecurityConfig.write(response, 401, "BAD_CREDENTIALS",
				"用户名或密码错误 / Bad credentials");
	}

	static LogoutSuccessHandler loggedOut() {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> response
			.setStatus(204);
	}

	/** A fetch of the SPA (it says so): a 401 without the Basic challenge, or the browser would pop up its own dialog. */
	static boolean fromTheWorkbench(HttpServletRequest request) {
		return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static void json(HttpServletResponse response, String body) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(body);
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
