package io.brandsignal.ingest.observation;

/**
 * The body cannot be read as JSON or CSV at all; the message names where reading stopped.
 */
public class MalformedBatchException extends RuntimeException {

	public MalformedBatchException(String message) {
		super(message);
	}

}
