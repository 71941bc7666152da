package io.brandsignal.ingest.auth;

/**
 * The request carried no API key, a malformed one, or one that is not configured. The message never
 * contains the presented key.
 */
public class UnauthorizedException extends RuntimeException {

	public UnauthorizedException(String message) {
		super(message);
	}

}
