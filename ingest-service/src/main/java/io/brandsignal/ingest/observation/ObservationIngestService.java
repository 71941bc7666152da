package io.brandsignal.ingest.observation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.ingest.auth.ApiClient;
import io.brandsignal.ingest.auth.ForbiddenBrandsException;

import org.springframework.stereotype.Service;

/**
 * Accepts a read batch all or nothing: every item must be valid and within the key's brand scope, then
 * the whole batch is published in one transaction. Nothing is published for a refused batch.
 */
@Service
public class ObservationIngestService {

	private final ObservationValidator validator;

	private final ObservationPublisher publisher;

	private final IngestMetrics metrics;

	private final Clock clock;

	public ObservationIngestService(ObservationValidator validator, ObservationPublisher publisher,
			IngestMetrics metrics, Clock clock) {
		this.validator = validator;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Validates, authorises and publishes a batch.
	 * @param client the authenticated caller
	 * @param batch the batch as read from the body
	 * @return how many observations were published
	 * @throws InvalidBatchException when any item or the body is invalid
	 * @throws ForbiddenBrandsException when the batch names a brand the key may not write
	 * @throws PublishFailedException when Kafka did not acknowledge the batch in time
	 */
	public int ingest(ApiClient client, ParsedBatch batch) {
		BatchErrors errors = new BatchErrors();
		errors.addAll(batch.bodyErrors());
		List<Observation> observations = new ArrayList<>(batch.items().size());
		List<ItemError> itemErrors = new ArrayList<>();
		for (RawObservation raw : batch.items()) {
			itemErrors.clear();
			this.validator.validate(raw, itemErrors).ifPresent(observations::add);
			errors.addAll(itemErrors);
		}
		if (batch.items().isEmpty() && errors.isEmpty()) {
			errors.addAll(List.of(
					ItemError.at(ItemLocation.body(), "observations", "must contain at least one observation")));
		}
		if (!errors.isEmpty()) {
			throw errors.toException();
		}
		Set<String> forbidden = new LinkedHashSet<>();
		for (Observation observation : observations) {
			if (!client.mayWrite(observation.brand())) {
				forbidden.add(observation.brand());
			}
		}
		if (!forbidden.isEmpty()) {
			throw new ForbiddenBrandsException(client.name(), List.copyOf(forbidden));
		}
		Instant receivedAt = this.clock.instant();
		// The later receivedAt wins a cell, so a later item of the same batch (a CSV line correcting an
		// earlier one) must be later by at least a nanosecond.
		List<ObservationRecorded> events = new ArrayList<>(observations.size());
		for (int index = 0; index < observations.size(); index++) {
			events.add(observations.get(index).toEvent(receivedAt.plusNanos(index), client.name()));
		}
		long start = System.nanoTime();
		try {
			this.publisher.publish(events);
		}
		catch (RuntimeException ex) {
			this.metrics.published(System.nanoTime() - start, false);
			throw ex;
		}
		this.metrics.published(System.nanoTime() - start, true);
		this.metrics.accepted(observations);
		return observations.size();
	}

}
