package io.brandsignal.dashboard;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator on a management port of its own, as in compose (port 9000, reachable only inside the network):
 * Prometheus scrapes it without credentials, while the application's port never serves the scrape.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIntegrationTests extends AbstractDashboardIntegrationTests {

	@LocalManagementPort
	private int managementPort;

	@Test
	void servesPrometheusWithoutCredentialsOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> scrape = http().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
					.build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("brandsignal_brands_by_verdict");
		assertThat(anonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
	}

}
