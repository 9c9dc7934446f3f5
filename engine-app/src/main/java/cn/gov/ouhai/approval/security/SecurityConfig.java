package cn.gov.ouhai.approval.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/**} and {@code /engine-rest/**} need an engine user: HTTP Basic on every call (scripts,
 * the Modeler, terminals; no session), or the workbench's login session ({@code /workbench/login},
 * {@link WorkbenchSession}: session cookie, CSRF token, idle timeout, logout). The webapps under
 * {@code /camunda} keep their own login and CSRF protection; their first-run setup is closed
 * (CVE-2026-77226). Requests to {@code /engine-rest} then run as that user, so the engine's
 * authorizations apply to them. State-changing requests from other sites are refused everywhere.
 */
@Configuration
class SecurityConfig {

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, @Value("${app.security.tls:false}") boolean tls)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// the error page of a refused request (e.g. the webapps' CSRF filter answering 403 to a POST)
			// keeps its status instead of turning into a 401
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			// CVE-2026-77226: the webapps' first-run setup must never create an administrator
			.requestMatchers("/camunda/api/admin/setup/**").denyAll()
			.requestMatchers("/camunda/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/", "/error", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
			// the dashboard's scripts and styles (no data in them) load before its Basic login is cached
			.requestMatchers(HttpMethod.GET, "/webjars/**", "/supervision-assets/**").permitAll()
			// the workbench's login page and its scripts and styles (no data in them); its other pages need the login
			.requestMatchers(HttpMethod.GET, WorkbenchSession.LOGIN, "/workbench/assets/**").permitAll()
			// supervisors read everything there and change nothing but urges; approvers never see it
			.requestMatchers("/supervision", "/supervision/**", "/api/supervision/**")
			.hasAnyAuthority(Groups.SUPERVISOR, Groups.ADMIN)
			// the metrics tell the platform's insides (routes, failures, pools, memory): for the scraper's
			// account and the administrators, not for every clerk
			.requestMatchers("/actuator/prometheus").hasAnyAuthority(Groups.MONITORING, Groups.ADMIN)
			.requestMatchers("/api/**", "/engine-rest/**", "/actuator/**").authenticated()
			.anyRequest()
			.authenticated())
			// Basic credentials on every call keep no session: a scripted client leaves nothing behind
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated())
				.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			// the workbench's login: the session holds the login, for /api/** too
			.formLogin(form -> form.loginPage(WorkbenchSession.LOGIN)
				.loginProcessingUrl(WorkbenchSession.LOGIN)
				.successHandler(WorkbenchSession.loggedIn())
				.failureHandler(WorkbenchSession.refused()))
			.logout(logout -> logout.logoutUrl(WorkbenchSession.LOGOUT)
				.logoutSuccessHandler(WorkbenchSession.loggedOut())
				.deleteCookies("JSESSIONID", WorkbenchSession.CSRF_COOKIE))
			// the SPA handles "back to where I was" itself: no session for every refused request
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(denied()))
			// a token CSRF for what rides on the workbench's session; none for Basic credentials (it would
			// break curl, the Modeler and the terminals), but browsers cache Basic credentials, so
			// state-changing requests a browser sends from another site are refused. The webapps add
			// their own token CSRF.
			.csrf(csrf -> csrf.csrfTokenRepository(WorkbenchSession.csrfTokens(tls))
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(WorkbenchSession.needsCsrfToken()))
			.addFilterBefore(new CrossSiteRequestGuard(), CsrfFilter.class)
			.addFilterAfter(new WorkbenchSession.TokenCookieFilter(), CsrfFilter.class)
			// nosniff, X-Frame-Options DENY and no-store are Spring Security's defaults; HSTS goes on every
			// answer behind TLS (app.security.tls), also when a proxy ends TLS and the request arrives plain
			.headers(headers -> headers.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000)
				.includeSubDomains(false)
				.requestMatcher(tls ? AnyRequestMatcher.INSTANCE : HttpServletRequest::isSecure)))
			// a session only for who logs in at /workbench/login (idle timeout: server.servlet.session.timeout);
			// no session strategy for every authenticated request, or each Basic call would get a session
			.sessionManagement(s -> s.requireExplicitAuthenticationStrategy(true));
		return http.build();
	}

	/**
	 * A request the firewall refuses (a path with {@code //}, {@code /./}, an encoded slash, a
	 * semicolon, e.g. {@code POST /api/tasks//complete}): 400 with the API's error body, not the
	 * container's error page.
	 */
	@Bean
	WebSecurityCustomizer refusedRequests() {
		return web -> web.requestRejectedHandler((request, response, ex) -> {
			write(response, 400, "MALFORMED_PATH", "请求地址不规范（如含 //、/./、编码的斜杠或分号） / The request path is not "
					+ "normalised (e.g. //, /./, an encoded slash or a semicolon)");
		});
	}

	/** Runs {@code /engine-rest} calls as the user Spring Security authenticated. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
		registration.setName("engine-rest-authentication");
		registration.setOrder(10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<EngineRestBodyGuard> engineRestBodyGuard() {
		var registration = new FilterRegistrationBean<>(new EngineRestBodyGuard());
		// the webapps (Tasklist, Cockpit) reach the same REST resources under their own path
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setName("engine-rest-query-guard");
		registration.setOrder(20);
		return registration;
	}

	/**
	 * 401 with the API's error body. Only the APIs ask for Basic credentials: a browser challenged on
	 * a webapp path (the login page probes {@code /camunda-welcome}) would hold its login form behind
	 * a native password dialog; nor the workbench's own calls. A page of the workbench sends the
	 * browser to its login page.
	 */
	private static AuthenticationEntryPoint unauthenticated() {
		return (request, response, ex) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if ((path.equals("/workbench") || path.startsWith("/workbench/")) && "GET".equals(request.getMethod())) {
				String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
				response.sendRedirect(request.getContextPath() + WorkbenchSession.LOGIN + "?redirect="
						+ URLEncoder.encode(back, StandardCharsets.UTF_8));
				return;
			}
			response.setStatus(401);
			if (!WorkbenchSession.fromTheWorkbench(request) && (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/")
					|| path.startsWith("/cases/") || path.equals("/supervision") || path.startsWith("/supervision/"))) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"approval-platform\", charset=\"UTF-8\"");
			}
			write(response, "UNAUTHENTICATED", "请先登录 / Authentication required");
		};
	}

	private static AccessDeniedHandler denied() {
		return (request, response, ex) -> {
			response.setStatus(403);
			if (ex instanceof CsrfException) {
				write(response, "CSRF_TOKEN_INVALID", "页面已过期或缺少防伪令牌，请刷新页面后重试 / The CSRF token is missing or invalid: "
						+ "reload the page");
				return;
			}
			write(response, "FORBIDDEN", "无权访问 / Access denied");
		};
	}

	static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
		response.setStatus(status);
		write(response, code, message);
	}

	private static void write(HttpServletResponse response, String code, String message) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
	}

}
