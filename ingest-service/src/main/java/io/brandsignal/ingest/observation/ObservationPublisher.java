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
	 * @throws PublishFailedException when the batch was not acknowledged within the configured bound; its
	 *     transaction is then aborted, except when the commit lands just as the wait gives up, so the batch is
	 *     either wholly visible to {@code read_committed} readers or not at all, and safe to send again
	 */
	void publish(List<ObservationRecorded> batch);

}
