package io.brandsignal.dashboard.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import io.brandsignal.dashboard.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records the read model cannot read or store: each goes to the dashboard's dead-letter topic as the
 * bytes it arrived as, with the reason in its headers, and the partition keeps being consumed.
 */
class DeadLetterIntegrationTests extends AbstractDashboardIntegrationTests {

	@Test
	void sendsPoisonRecordToDeadLetterTopicAndKeepsConsumingThePartition() throws Exception {
		byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
		send(Topics.SCORECARDS.name(), "poisoned", poison);
		BrandScored noBrand = new BrandScored(null, null, 28, Verdict.STEADY, null, null, null, null, null, null, 0, 0,
				List.of(), null,
				List.of(), "", T1);
		send("poisoned", noBrand);
		send(Fixtures.scorecard("poisoned", Verdict.QUIET_PERFORMER, T1));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/api/v1/brands/poisoned/scorecard").body())
				.contains("\"verdict\":\"QUIET_PERFORMER\""));
		List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters("poisoned", 2);
		assertThat(deadLetters.get(0).value()).isEqualTo(poison);
		assertThat(new String(deadLetters.get(0).headers().lastHeader("kafka_dlt-original-topic").value(),
				StandardCharsets.UTF_8))
			.isEqualTo(Topics.SCORECARDS.name());
		assertThat(new String(deadLetters.get(1).headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8))
			.contains("Brand is missing");
		assertThat(get("/actuator/prometheus").body())
			.containsPattern("brandsignal_deadletter_records_total\\{application=\"dashboard-service\",topic=\""
					+ "brandsignal.scorecards.v2\"} [2-9]");
	}


	@Test
	void sendsTombstoneToDeadLetterTopicAndKeepsConsumingThePartition() throws Exception {
		send(Topics.SCORECARDS.name(), "tombstoned", null);
		send(Fixtures.scorecard("tombstoned", Verdict.STEADY, T1));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/api/v1/brands/tombstoned/scorecard").body())
				.contains("\"verdict\":\"STEADY\""));
		ConsumerRecord<String, byte[]> deadLetter = deadLetters("tombstoned", 1).get(0);
		assertThat(deadLetter.value()).isNull();
		assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8))
			.contains("tombstone");
	}

}
