package io.brandsignal.ingest.observation;

import java.util.List;

import io.brandsignal.contract.event.ObservationRecorded;

/**
 * Publishes accepted batches for the scoring side to read.
 */
public interface ObservationPublisher {

	/**
	 * Publishes the batch atomically: when this method returns, the broker has acknowledged every record
	 * and committed them together; readers never see a part of it.
	 * @param batch the events, in request order
	 * @throws PublishFailedException when the batch was not acknowledged within the configured bound;
	 *     nothing of it is then visible to {@code read_committed} readers
	 */
	void publish(List<ObservationRecorded> batch);

}
