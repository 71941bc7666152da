package io.brandsignal.dashboard.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People's sessions in PostgreSQL ({@link SessionStore}), through the login form and the session cookie as a
 * browser uses them: a request writes nothing unless the session changed or its stored access time is a
 * minute old, a logout ends the session at once, and a session deleted by another instance (its logout, its
 * expiry) stops working here within the read cache's second.
 */
class SessionStoreIntegrationTests extends AbstractDashboardIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	private CookieManager cookies;

	private HttpClient browser;

	@BeforeEach
	void logIn() throws Exception {
		this.cookies = new CookieManager();
		this.browser = HttpClient.newBuilder().cookieHandler(this.cookies).build();
		HttpResponse<String> loggedIn = post("/login", "username=tester&password=test-password&_csrf="
				+ URLEncoder.encode(csrf("/login"), StandardCharsets.UTF_8));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).doesNotContain("error"));
	}

	@Test
	void writesTheAccessTimeOnlyOnceTheStoredOneIsAMinuteOld() throws Exception {
		long loggedInAt = accessTime();
		for (int i = 0; i < 5; i++) {
			assertThat(request("/api/v1/brands").statusCode()).isEqualTo(200);
		}
		assertThat(accessTime()).as("requests within the minute write nothing").isEqualTo(loggedInAt);

		long minuteAndAHalfAgo = System.currentTimeMillis() - 90_000;
		this.jdbc.update("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ? WHERE SESSION_ID = ?", minuteAndAHalfAgo,
				sessionId());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(request("/api/v1/brands").statusCode()).isEqualTo(200);
			assertThat(accessTime()).isGreaterThan(minuteAndAHalfAgo + 60_000);
		});
	}

	@Test
	void endsTheSessionAtOnceOnLogout() throws Exception {
		assertThat(request("/api/v1/brands").statusCode()).isEqualTo(200);
		String loggedInSession = sessionId();

		HttpResponse<String> loggedOut = post("/logout",
				"_csrf=" + URLEncoder.encode(csrf("/"), StandardCharsets.UTF_8));

		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(request("/api/v1/brands").statusCode()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class,
				loggedInSession)).isZero();
	}

	@Test
	void refusesASessionDeletedByAnotherInstanceWithinTheReadCachesSecond() throws Exception {
		assertThat(request("/api/v1/brands").statusCode()).isEqualTo(200);

		// what another instance's logout, or the expiry clean-up, does
		this.jdbc.update("DELETE FROM SPRING_SESSION WHERE SESSION_ID = ?", sessionId());

		await().atMost(SessionStore.READ_CACHE_TIME.plusSeconds(2))
			.untilAsserted(() -> assertThat(request("/api/v1/brands").statusCode()).isEqualTo(401));
	}

	private long accessTime() {
		return this.jdbc.queryForObject("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class,
				sessionId());
	}

	/** The browser's session id: its SESSION cookie, which Spring Session writes in base64. */
	private String sessionId() {
		String cookie = this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((candidate) -> candidate.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow()
			.getValue();
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private String csrf(String path) throws Exception {
		HttpResponse<String> page = request(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("a CSRF token on " + path).isTrue();
		return token.group(1);
	}

	private HttpResponse<String> request(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
