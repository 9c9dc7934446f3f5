package cn.gov.ouhai.approval.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A browser's session with Camunda's webapps: cookies kept, the login form posted as Tasklist,
 * Cockpit or Admin post it ({@code /camunda/api/admin/auth/user/default/login/{app}}), and the
 * webapps' CSRF token ({@code XSRF-TOKEN} cookie, {@code X-XSRF-TOKEN} header) sent back or left out.
 */
final class WebappSession {

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	WebappSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/** Opens the app's page (which hands out the CSRF token) and logs in: 200, or 401/403 as the webapp answers. */
	HttpResponse<String> login(String app, String user, String password) {
		get("/camunda/app/" + app + "/");
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(this.base + "/camunda/api/admin/auth/user/default/login/" + app))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", token())
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/** A JSON POST with the session's CSRF token, as the webapps' own pages send it. */
	HttpResponse<String> post(String path, String json) {
		get("/camunda/api/admin/auth/user/default"); // the token of the session as it is now (login renews it)
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", token())
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/** The same POST without the token, as another site's page could send it with the session cookie. */
	HttpResponse<String> postWithoutToken(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	String token() {
		return cookie("XSRF-TOKEN").map(HttpCookie::getValue).orElse("");
	}

	java.util.Optional<HttpCookie> cookie(String name) {
		List<HttpCookie> all = this.cookies.getCookieStore().getCookies();
		return all.stream().filter(c -> c.getName().equals(name)).reduce((first, second) -> second);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
