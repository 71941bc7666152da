package io.brandsignal.dashboard.series;

/**
 * A date range that cannot be served: not ISO dates, {@code from} after {@code to}, or too long.
 */
public class InvalidRangeException extends RuntimeException {

	public InvalidRangeException(String message) {
		super(message);
	}

}
