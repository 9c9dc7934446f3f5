package cn.gov.ouhai.approval.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses state-changing requests that a browser sends on behalf of another site. Browsers cache
 * HTTP Basic credentials (the dashboard, the printable pages) and attach them to a cross-site form
 * POST, so a page elsewhere could otherwise urge, take in or withdraw cases as the logged-in
 * supervisor or clerk. Browsers say where a request comes from ({@code Sec-Fetch-Site}; older ones
 * only {@code Origin}) and scripts send neither, so curl, the Modeler and the hall terminals pass
 * unchanged. Spring Security 6 has no Fetch Metadata check of its own (spring-security#18361), and its
 * token CSRF would break every scripted client.
 */
final class CrossSiteRequestGuard extends OncePerRequestFilter {

	static final String CODE = "CROSS_SITE_REQUEST";

	static final String MESSAGE = "拒绝来自其他网站的修改请求 / A state-changing request from another site was refused";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
			SecurityConfig.write(response, 403, CODE, MESSAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			// "none": typed or bookmarked by the user; "same-site" is a sibling host, another application
			return !site.equals("same-origin") && !site.equals("none");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false; // not a browser, or a browser's same-origin request without Fetch Metadata
		}
		return !sameOrigin(origin, request);
	}

	/** The Origin's host and port against the Host the request was sent to (as a proxy forwards it). */
	private static boolean sameOrigin(String origin, HttpServletRequest request) {
		URI uri;
		try {
			uri = URI.create(origin.trim());
		}
		catch (IllegalArgumentException notAUri) {
			return false; // includes "null": sandboxed frames, file pages, redirects across sites
		}
		if (uri.getHost() == null) {
			return false;
		}
		int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		String expected = uri.getHost() + ":" + (uri.getPort() != -1 ? uri.getPort() : defaultPort);
		String host = request.getHeader("X-Forwarded-Host");
		if (host == null) {
			host = request.getHeader("Host");
		}
		if (host == null) {
			return false;
		}
		host = host.split(",")[0].trim();
		boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
		return expected.equalsIgnoreCase(hasPort ? host : host + ":" + defaultPort);
	}

}
