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
 * With its broker stopped, the service answers {@code 503} with {@code Retry-After} within the publish
 * timeout (2 s here), never {@code 202}, even for a burst of concurrent requests; once the broker is
 * back, batches are accepted again and only acknowledged batches are on the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "brandsignal.ingest.publish.timeout=2s", "brandsignal.ingest.publish.producers=2",
				"brandsignal.ingest.publish.queue-capacity=2" })
@TestPropertySource(locations = "classpath:test-keys.properties")
@DirtiesContext
class KafkaOutageIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(2);

	/** Scheduling slack on a busy two-core machine, on top of the configured bound. */
	private static final Duration SLACK = Duration.ofMillis(1500);

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
	void answers503WithinTheBoundWhileKafkaIsDownAndAcceptsAgainWhenItIsBack() throws Exception {
		// A new cluster creates its transaction-state topic on the first transaction, which may take longer than 2 s.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(1).statusCode() == 202);

		broker.stop();
		try {
			for (int attempt = 0; attempt < 2; attempt++) {
				long start = System.nanoTime();
				HttpResponse<String> response = post(2);
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(response.statusCode()).isEqualTo(503);
				assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(took).isLessThan(BOUND.plus(SLACK));
			}
			// More concurrent requests than publishers and queue slots: all refused in time, none accepted.
			long start = System.nanoTime();
			List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				burst.add(this.http.sendAsync(request(2), HttpResponse.BodyHandlers.ofString()));
			}
			for (CompletableFuture<HttpResponse<String>> response : burst) {
				assertThat(response.join().statusCode()).isEqualTo(503);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND.plus(SLACK));
		}
		finally {
			broker.start();
		}

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(3).statusCode() == 202);
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(broker.bootstrapServers(), "it-outage",
				(found) -> found.stream().anyMatch((observation) -> observation.value() == 3));
		assertThat(onTopic).extracting(ObservationRecorded::value).doesNotContain(2.0).startsWith(1.0).endsWith(3.0);
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
