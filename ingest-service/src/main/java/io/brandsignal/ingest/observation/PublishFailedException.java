package io.brandsignal.ingest.observation;

/**
 * Kafka did not acknowledge a batch within the bound (broker down, slow, or all publishers busy). The
 * batch may be retried; since observations are upserts of daily cells, a retry never double counts.
 */
public class PublishFailedException extends RuntimeException {

	public PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
