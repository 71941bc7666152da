package io.brandsignal.ingest.observation;

import java.util.Locale;

/**
 * Why a batch was refused, as the {@code reason} tag of {@code brandsignal.ingest.batches.rejected}.
 */
public enum RejectionReason {

	VALIDATION, MALFORMED, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAUTHORIZED, FORBIDDEN, RATE_LIMITED,
	KAFKA_UNAVAILABLE;

	/** The tag value, e.g. {@code too_large}. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
