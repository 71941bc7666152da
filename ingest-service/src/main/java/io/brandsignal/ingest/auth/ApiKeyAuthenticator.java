package io.brandsignal.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.brandsignal.ingest.auth.ApiKeyProperties.ApiKeyDefinition;

import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization: Bearer <key>} header into the {@link ApiClient} it belongs to. Keys are
 * compared by their SHA-256 hash in constant time against every configured key, so neither the match
 * nor its position leaks through timing.
 */
@Component
public class ApiKeyAuthenticator {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private static final String BEARER = "bearer ";

	private final List<ConfiguredKey> keys;

	public ApiKeyAuthenticator(ApiKeyProperties properties) {
		this.keys = properties.apiKeys().stream().map(ApiKeyAuthenticator::configuredKey).toList();
		Set<String> names = new HashSet<>();
		for (ConfiguredKey key : this.keys) {
			// the name keys the rate limit and marks the source of every observation
			if (!names.add(key.client().name())) {
				throw new IllegalStateException("Two brandsignal.ingest.api-keys entries are named '"
						+ key.client().name() + "'; each key needs a name of its own");
			}
		}
	}

	private static ConfiguredKey configuredKey(ApiKeyDefinition definition) {
		if (definition.name() == null || definition.name().isBlank()) {
			throw new IllegalStateException("Every brandsignal.ingest.api-keys entry needs a name");
		}
		if (definition.sha256() == null || !SHA256_HEX.matcher(definition.sha256()).matches()) {
			throw new IllegalStateException("API key '" + definition.name()
					+ "': sha256 must be the 64-character hex SHA-256 hash of the key");
		}
		if (definition.brands().isEmpty()) {
			throw new IllegalStateException(
					"API key '" + definition.name() + "': brands must list brand slugs or '*' for all brands");
		}
		Set<String> brands = new HashSet<>();
		boolean all = false;
		for (String brand : definition.brands()) {
			String trimmed = brand.trim();
			if (trimmed.equals("*")) {
				all = true;
			}
			else {
				brands.add(trimmed);
			}
		}
		return new ConfiguredKey(HexFormat.of().parseHex(definition.sha256().toLowerCase(Locale.ROOT)),
				new ApiClient(definition.name(), brands, all));
	}

	/**
	 * The client an {@code Authorization} header authenticates.
	 * @param authorization the header value, possibly {@code null}
	 * @return the client
	 * @throws UnauthorizedException when the header is missing, not a bearer token, or the key is unknown
	 */
	public ApiClient authenticate(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			throw new UnauthorizedException("Missing API key: send 'Authorization: Bearer <api key>'");
		}
		if (authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new UnauthorizedException("The Authorization header must be 'Bearer <api key>'");
		}
		byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
		ApiClient match = null;
		// Compare against every key without stopping early: the time taken says nothing about which key matched.
		for (ConfiguredKey key : this.keys) {
			if (MessageDigest.isEqual(key.sha256(), presented) && match == null) {
				match = key.client();
			}
		}
		if (match == null) {
			throw new UnauthorizedException("Unknown API key");
		}
		return match;
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record ConfiguredKey(byte[] sha256, ApiClient client) {
	}

}
