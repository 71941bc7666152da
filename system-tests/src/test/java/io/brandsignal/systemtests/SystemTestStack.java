package io.brandsignal.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.brandsignal.launcher.Credentials;
import io.brandsignal.launcher.LocalStack;
import io.brandsignal.launcher.LocalStackSettings;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as the local launcher runs it (real broker, real PostgreSQL, the three service
 * jars as their own JVMs), started once per test JVM on free ports and shared by every system test,
 * plus the HTTP calls those tests make through the product's public interfaces.
 */
public final class SystemTestStack {

	/** The development credentials every system test uses. */
	public static final Credentials CREDENTIALS = new Credentials("system-test-key", "tester", "tester-password");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static LocalStack stack;

	private SystemTestStack() {
	}

	/** The shared stack, started on first use and stopped when the test JVM exits. */
	public static synchronized LocalStack get() {
		if (stack == null) {
			Path data = temporaryDataDirectory();
			stack = start(data);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				stack.close();
				FileSystemUtils.deleteRecursively(data.toFile());
			}));
		}
		return stack;
	}

	/** A stack of the caller's own on {@code dataDirectory}; the caller closes it. */
	public static LocalStack start(Path dataDirectory) {
		LocalStackSettings settings = LocalStackSettings.ephemeral(dataDirectory, servicesDirectory(), CREDENTIALS);
		return LocalStack.start(settings, ScopedCredentials.arguments(),
				(line) -> System.out.println("[system-test stack] " + line));
	}

	/** Where the build copied the service jars ({@code target/services}). */
	public static Path servicesDirectory() {
		return Path.of(System.getProperty("brandsignal.services.dir", "target/services"));
	}

	private static Path temporaryDataDirectory() {
		try {
			return Files.createTempDirectory("brandsignal-system-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Posts a JSON body to ingest-service with the development key. */
	public static HttpResponse<String> postObservations(LocalStack stack, String json) {
		return send(HttpRequest.newBuilder(stack.ingestUrl().resolve("/api/v1/observations"))
			.header("Authorization", "Bearer " + CREDENTIALS.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** GETs a dashboard path as the test user, over HTTP Basic. */
	public static HttpResponse<String> getFromDashboard(LocalStack stack, String path) {
		return send(HttpRequest.newBuilder(stack.dashboardUrl().resolve(path))
			.header("Authorization", basicAuthorization())
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	/** Polls the dashboard API until the brand's scorecard meets the expectations, and returns it. */
	public static JsonNode awaitScorecard(LocalStack stack, String brand, Consumer<JsonNode> expectations) {
		AtomicReference<JsonNode> card = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			HttpResponse<String> response = getFromDashboard(stack, "/api/v1/brands/" + brand + "/scorecard");
			assertThat(response.statusCode()).isEqualTo(200);
			card.set(json.readTree(response.body()));
			expectations.accept(card.get());
		});
		return card.get();
	}

	/** Polls the dashboard API until the brand's scorecard has the verdict, and returns it. */
	public static JsonNode awaitScorecard(LocalStack stack, String brand, String verdict) {
		return awaitScorecard(stack, brand,
				(card) -> assertThat(card.path("verdict").asString()).as(brand).isEqualTo(verdict));
	}

	/** Polls the dashboard API until the campaign's measured lift has the verdict, and returns it. */
	public static JsonNode awaitCampaign(LocalStack stack, String brand, String id, String verdict) {
		AtomicReference<JsonNode> result = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			HttpResponse<String> response = getFromDashboard(stack, "/api/v1/brands/" + brand + "/campaigns/" + id);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			result.set(json.readTree(response.body()));
			assertThat(result.get().path("verdict").asString()).as(brand + "/" + id).isEqualTo(verdict);
		});
		return result.get();
	}

	/** GETs any URL without credentials. */
	public static HttpResponse<String> get(URI url) {
		return send(HttpRequest.newBuilder(url).GET().build());
	}

	public static String basicAuthorization() {
		return new ScopedCredentials.Login(CREDENTIALS.demoUser(), CREDENTIALS.demoPassword()).basicAuthorization();
	}

	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
