package io.brandsignal.contract;

import io.brandsignal.contract.metrics.DeadLetterMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterMeterTests {

	@Test
	void countsDeadLettersPerTopicReadFromUnderTheOneSharedName() {
		MeterRegistry registry = new SimpleMeterRegistry();
		DeadLetterMeter.counter(registry, "brandsignal.scorecards.v2");
		DeadLetterMeter.counter(registry, "brandsignal.daily-rollups.v1").increment();
		DeadLetterMeter.counter(registry, "brandsignal.daily-rollups.v1").increment();

		assertThat(registry.get("brandsignal.deadletter.records").tag("topic", "brandsignal.scorecards.v2").counter()
			.count()).isZero();
		assertThat(registry.get("brandsignal.deadletter.records").tag("topic", "brandsignal.daily-rollups.v1").counter()
			.count()).isEqualTo(2);
		assertThat(registry.getMeters()).hasSize(2);
	}

}
