package cn.gov.ouhai.approval.workbench;

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
import java.util.Map;
import java.util.Optional;

/** A browser as the workbench sees it: cookies kept, the CSRF token echoed from its cookie when asked to. */
final class WorkbenchClient {

	final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private final String base;

	WorkbenchClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/** The login form as the SPA posts it: form-encoded, the token from the cookie its page load set. */
	HttpResponse<String> login(String user, String password) {
		get("/workbench/login");
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(this.base + "/workbench/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", token())
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	HttpResponse<String> post(String path, String json, boolean withToken) {
		return post(path, json, withToken, Map.of());
	}

	HttpResponse<String> post(String path, String json, boolean withToken, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (withToken) {
			request.header("X-XSRF-TOKEN", token());
		}
		headers.forEach(request::header);
		return send(request);
	}

	String token() {
		return cookie("WORKBENCH-XSRF").map(HttpCookie::getValue).orElse("");
	}

	Optional<HttpCookie> cookie(String name) {
		return this.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

}
