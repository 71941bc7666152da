package io.brandsignal.contract.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counter every service uses for records it sends to a dead-letter topic, named once so the alert
 * rule and the dashboards ({@code brandsignal_deadletter_records_total} in Prometheus) find all of them.
 * Tagged with the topic the record was read from, not the dead-letter topic it went to.
 */
public final class DeadLetterMeter {

	/** The meter name. */
	public static final String NAME = "brandsignal.deadletter.records";

	/** The tag that holds the topic the dead-lettered record was read from. */
	public static final String TOPIC_TAG = "topic";

	private DeadLetterMeter() {
	}

	/**
	 * The counter of records read from {@code topic} and dead-lettered, registered on first use. Call it
	 * once per consumed topic at start-up too: Prometheus' {@code increase()} cannot see a series whose
	 * first sample is already 1.
	 * @param registry where the counter lives
	 * @param topic the topic the records were read from
	 * @return the counter, the same one on every call for the same registry and topic
	 */
	public static Counter counter(MeterRegistry registry, String topic) {
		return Counter.builder(NAME)
			.description("Records sent to a dead-letter topic, by the topic they were read from")
			.tag(TOPIC_TAG, topic)
			.register(registry);
	}

}
