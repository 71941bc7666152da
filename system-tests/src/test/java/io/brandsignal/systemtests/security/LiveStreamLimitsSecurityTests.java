package io.brandsignal.systemtests.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ScopedCredentials;
import io.brandsignal.systemtests.ScopedCredentials.Login;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live streams are bounded (issue 12, finding 9), by the stream-limits spec: at most
 * {@link #MAX_STREAMS_PER_PRINCIPAL} open {@code /api/v1/stream} connections per person or key, the next
 * refused with {@code 429} as a problem; a person's stream ends when they log out.
 */
class LiveStreamLimitsSecurityTests {

	private static final int MAX_STREAMS_PER_PRINCIPAL = 5;

	private static final int THROTTLED = 429;

	/** How long a stream may take to end after its session did (the server notices on its next write). */
	private static final Duration STREAM_END = Duration.ofSeconds(30);

	private static LocalStack stack;

	private final List<InputStream> openStreams = new ArrayList<>();

	@BeforeAll
	static void startStack() {
		stack = SystemTestStack.get();
	}

	@AfterEach
	void closeStreams() throws IOException {
		for (InputStream stream : this.openStreams) {
			stream.close();
		}
	}

	@Test
	void refusesTheSixthOpenStreamOfOnePersonButNotAnotherPersonsFirst() {
		HttpClient client = HttpClient.newHttpClient();
		String streamer = ScopedCredentials.STREAMER.basicAuthorization();
		for (int i = 0; i < MAX_STREAMS_PER_PRINCIPAL; i++) {
			assertThat(openStream(client, streamer).statusCode()).as("stream %d", i + 1).isEqualTo(200);
		}
		HttpResponse<InputStream> oneTooMany = openStream(client, streamer);
		assertThat(oneTooMany.statusCode()).isEqualTo(THROTTLED);
		assertThat(oneTooMany.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		// The limit is the person's, not the service's.
		String viewer = ScopedCredentials.VIEWER.basicAuthorization();
		assertThat(openStream(client, viewer).statusCode()).isEqualTo(200);
	}

	@Test
	void endsAPersonsStreamWhenTheyLogOut() {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		Login login = ScopedCredentials.VIEWER;
		HttpResponse<String> loggedIn = send(browser, form("/login", "username=" + login.username() + "&password="
				+ login.password() + "&_csrf=" + csrf(browser, "/login")));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).doesNotContain("/login"));
		HttpResponse<InputStream> stream = openStream(browser, null);
		assertThat(stream.statusCode()).isEqualTo(200);
		CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> readToEnd(stream.body()));

		HttpResponse<String> loggedOut = send(browser, form("/logout", "_csrf=" + csrf(browser, "/")));
		assertThat(loggedOut.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/login?logout"));
		await().atMost(STREAM_END).until(ended::isDone);
	}

	private HttpResponse<InputStream> openStream(HttpClient client, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(stack.dashboardUrl().resolve("/api/v1/stream"))
			.header("Accept", "text/event-stream");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<InputStream> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
				.get(10, TimeUnit.SECONDS);
			this.openStreams.add(response.body());
			return response;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Opening a stream", ex);
		}
	}

	private static String csrf(HttpClient browser, String page) {
		HttpResponse<String> response = send(browser,
				HttpRequest.newBuilder(stack.dashboardUrl().resolve(page)).header("Accept", "text/html").GET().build());
		return CsrfToken.in(response.body());
	}

	private static HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(stack.dashboardUrl().resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void readToEnd(InputStream stream) {
		try {
			stream.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// a reset connection ends the stream as well
		}
	}

}
