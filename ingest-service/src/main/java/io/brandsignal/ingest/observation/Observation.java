package io.brandsignal.ingest.observation;

import java.time.Instant;
import java.time.LocalDate;

import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.event.ObservationRecorded;

/**
 * A validated observation: every field present, known and in range.
 *
 * @param brand brand slug
 * @param metric the catalog metric
 * @param channel channel slug ({@code all} when none was sent)
 * @param date the UTC day
 * @param value a finite value inside the metric's range
 */
record Observation(String brand, MetricDefinition metric, String channel, LocalDate date, double value) {

	/** The event this observation is published as. */
	public ObservationRecorded toEvent(Instant receivedAt, String source) {
		return new ObservationRecorded(this.brand, this.metric.name(), this.channel, this.date, this.value,
				receivedAt, source);
	}

}
