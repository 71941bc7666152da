package io.brandsignal.dashboard.readmodel.kafka;

/**
 * A record that deserialized but cannot be stored as it is (missing brand, day or timestamp, a name
 * that is no slug, a number that is no number). Retrying cannot help, so it goes to the dead-letter
 * topic at once.
 */
class InvalidRecordException extends RuntimeException {

	InvalidRecordException(String message) {
		super(message);
	}

	InvalidRecordException(String message, Throwable cause) {
		super(message, cause);
	}

}
