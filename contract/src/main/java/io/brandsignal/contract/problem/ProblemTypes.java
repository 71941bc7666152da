package io.brandsignal.contract.problem;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The one scheme for the {@code type} of every RFC 9457 problem a brandsignal service answers with:
 * {@code urn:brandsignal:problem:<kind>}, where the kind is a short lowercase name such as
 * {@code invalid-observations}. A URN rather than a URL because nothing is served at it; clients match
 * on the whole value.
 */
public final class ProblemTypes {

	/** What every problem type starts with. */
	public static final String PREFIX = "urn:brandsignal:problem:";

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

	private ProblemTypes() {
	}

	/**
	 * The problem type of a kind of failure.
	 * @param kind a lowercase, hyphenated name, e.g. {@code kafka-unavailable}
	 * @return {@code urn:brandsignal:problem:<kind>}
	 */
	public static URI of(String kind) {
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("Problem kind '" + kind + "' must match " + KIND.pattern());
		}
		return URI.create(PREFIX + kind);
	}

}
