package io.brandsignal.dashboard.live;

/**
 * A caller, or the instance, has the most live streams open it may; the API answers {@code 429}.
 */
public class TooManyStreamsException extends RuntimeException {

	TooManyStreamsException(String message) {
		super(message);
	}

}
