package io.brandsignal.ingest.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.brandsignal.contract.event.ObservationRecorded;

/**
 * A publisher for web slice tests: remembers the batches it was given, or fails like an unavailable
 * broker when told to.
 */
public class RecordingPublisher implements ObservationPublisher {

	private final List<List<ObservationRecorded>> batches = new ArrayList<>();

	private volatile boolean failing;

	@Override
	public synchronized void publish(List<ObservationRecorded> batch) {
		if (this.failing) {
			throw new PublishFailedException("Kafka did not acknowledge the batch within 5000 ms",
					Duration.ofSeconds(5), null);
		}
		this.batches.add(List.copyOf(batch));
	}

	public synchronized List<List<ObservationRecorded>> batches() {
		return List.copyOf(this.batches);
	}

	public void failing(boolean failing) {
		this.failing = failing;
	}

	public synchronized void reset() {
		this.batches.clear();
		this.failing = false;
	}

}
