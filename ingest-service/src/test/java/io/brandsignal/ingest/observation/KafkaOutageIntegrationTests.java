package io.brandsignal.ingest.observation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.ingest.observation.kafka.ObservationTopicReader;
import io.brandsignal.testsupport.TestInfrastructure;
import io.brandsignal.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With its broker stopped, the service answers {@code 503} with {@code Retry-After} and a problem body,
 * never {@code 202}, even for a burst of more concurrent requests than it has publishers and queue
 * slots; once the broker is back, batches are accepted again and only acknowledged batches are on the
 * topic. The publish timeout is short (2 s) so the test runs quickly; how long a refusal takes is not
 * asserted, because wall-clock bounds fail on a busy machine without saying anything about behaviour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "brandsignal.ingest.publish.timeout=2s", "brandsignal.ingest.publish.producers=2",
				"brandsignal.ingest.publish.queue-capacity=2" })
@TestPropertySource(locations = "classpath:test-keys.properties")
@DirtiesContext
class KafkaOutageIntegrationTests {

	// Left running after the class (the JVM's shutdown hook stops it): stopping it first would make the
	// cached context's producers wait for it while closing.
	private static final TestKafka broker = TestInfrastructure.dedicatedKafka();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
	}

	@Test
	void answers503WithRetryAfterWhileKafkaIsDownPublishesNothingOfItAndAcceptsAgainWhenItIsBack() throws Exception {
		// A new cluster creates its transaction-state topic on the first transaction, which may take longer than 2 s.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(1).statusCode() == 202);

		broker.stop();
		try {
			for (int attempt = 0; attempt < 2; attempt++) {
				assertRefusedForNow(post(2));
			}
			// More concurrent requests than publishers and queue slots: all refused, none accepted.
			List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				burst.add(this.http.sendAsync(request(2), HttpResponse.BodyHandlers.ofString()));
			}
			for (CompletableFuture<HttpResponse<String>> response : burst) {
				assertRefusedForNow(response.join());
			}
		}
		finally {
			broker.start();
		}

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(3).statusCode() == 202);
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(broker.bootstrapServers(), "it-outage",
				(found) -> found.stream().anyMatch((observation) -> observation.value() == 3));
		assertThat(onTopic).extracting(ObservationRecorded::value).doesNotContain(2.0).startsWith(1.0).endsWith(3.0);
	}

	/** 503, come back after the configured {@code retry-after} (5 s by default), and why, as a problem. */
	private static void assertRefusedForNow(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"urn:brandsignal:problem:kafka-unavailable\"");
	}

	private HttpResponse<String> post(int value) throws Exception {
		return this.http.send(request(value), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(int value) {
		String body = "{\"observations\":[{\"brand\":\"it-outage\",\"metric\":\"leads\",\"date\":\""
				+ LocalDate.now(ZoneOffset.UTC) + "\",\"value\":" + value + "}]}";
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/observations"))
			.header("Authorization", "Bearer agency-secret-key")
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
