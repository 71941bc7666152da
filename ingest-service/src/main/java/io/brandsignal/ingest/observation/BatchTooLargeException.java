package io.brandsignal.ingest.observation;

/**
 * The body is larger than allowed or holds more items than one batch may.
 */
public class BatchTooLargeException extends RuntimeException {

	public BatchTooLargeException(String message) {
		super(message);
	}

}
