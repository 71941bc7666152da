package io.brandsignal.contract.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The keys a service accepts, held only as SHA-256 hashes. A presented key is hashed and compared in
 * constant time against every configured key, so neither the match nor its position leaks through
 * timing. Checked when built: every key has a unique name, a well-formed hash and a non-empty brand
 * list, so a misconfigured service refuses to start rather than let in too much or nothing.
 */
public final class HashedApiKeys {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private static final String BEARER = "bearer ";

	private final List<HashedKey> keys;

	/**
	 * The keys of one configuration list.
	 * @param property the configuration property they come from, for error messages
	 * @param kind what the keys are called in error messages, such as {@code API key}
	 * @param definitions the configured keys
	 * @param brandEntries rewrites a key's brand list before it is read (say, expanding group names)
	 */
	public HashedApiKeys(String property, String kind, List<ApiKeyDefinition> definitions,
			UnaryOperator<List<String>> brandEntries) {
		List<HashedKey> hashed = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (ApiKeyDefinition definition : definitions) {
			if (definition.name() == null || definition.name().isBlank()) {
				throw new IllegalStateException("Every " + property + " entry needs a name");
			}
			String owner = kind + " '" + definition.name() + "'";
			if (definition.sha256() == null || !SHA256_HEX.matcher(definition.sha256()).matches()) {
				throw new IllegalStateException(
						owner + ": sha256 must be the 64-character hex SHA-256 hash of the key");
			}
			// the name keys the rate limit and the meters, and marks what the key did
			if (!names.add(definition.name())) {
				throw new IllegalStateException("Two " + property + " entries are named '" + definition.name()
						+ "'; each key needs a name of its own");
			}
			BrandScope scope = BrandScope.of(brandEntries.apply(definition.brands()), owner);
			hashed.add(new HashedKey(HexFormat.of().parseHex(definition.sha256().toLowerCase(Locale.ROOT)),
					new KeyHolder(definition.name(), scope)));
		}
		this.keys = List.copyOf(hashed);
	}

	/** The keys of one configuration list, their brand lists read as they are. */
	public HashedApiKeys(String property, String kind, List<ApiKeyDefinition> definitions) {
		this(property, kind, definitions, UnaryOperator.identity());
	}

	/**
	 * The holder of a key.
	 * @param key the key as presented
	 * @return its holder, or empty when no configured key has this hash
	 */
	public Optional<KeyHolder> find(String key) {
		byte[] presented = sha256(key);
		KeyHolder match = null;
		// Compare against every key without stopping early: the time taken says nothing about which key matched.
		for (HashedKey candidate : this.keys) {
			if (MessageDigest.isEqual(candidate.sha256(), presented) && match == null) {
				match = candidate.holder();
			}
		}
		return Optional.ofNullable(match);
	}

	/** The names of the configured keys, the bounded set meters may be tagged with. */
	public Set<String> names() {
		Set<String> names = new HashSet<>();
		this.keys.forEach((key) -> names.add(key.holder().name()));
		return Set.copyOf(names);
	}

	/**
	 * The token of an {@code Authorization: Bearer <token>} header, the scheme in any case.
	 * @param authorization the header value, possibly {@code null}
	 * @return the token, or empty when the header is missing, of another scheme or has no token
	 */
	public static Optional<String> bearerToken(String authorization) {
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		String token = authorization.substring(BEARER.length()).trim();
		return token.isEmpty() ? Optional.empty() : Optional.of(token);
	}

	/** The SHA-256 of a key's UTF-8 bytes. */
	public static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record HashedKey(byte[] sha256, KeyHolder holder) {
	}

}
