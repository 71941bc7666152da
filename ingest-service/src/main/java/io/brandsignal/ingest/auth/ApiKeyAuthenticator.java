package io.brandsignal.ingest.auth;

import io.brandsignal.contract.access.HashedApiKeys;
import io.brandsignal.contract.access.KeyHolder;

import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization: Bearer <key>} header into the {@link ApiClient} it belongs to, by the
 * key's SHA-256 hash compared in constant time ({@link HashedApiKeys}, shared with the dashboard's read
 * keys).
 */
@Component
public class ApiKeyAuthenticator {

	private final HashedApiKeys keys;

	public ApiKeyAuthenticator(ApiKeyProperties properties) {
		this.keys = new HashedApiKeys("brandsignal.ingest.api-keys", "API key", properties.apiKeys());
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
		String key = HashedApiKeys.bearerToken(authorization)
			.orElseThrow(() -> new UnauthorizedException("The Authorization header must be 'Bearer <api key>'"));
		KeyHolder holder = this.keys.find(key).orElseThrow(() -> new UnauthorizedException("Unknown API key"));
		return new ApiClient(holder.name(), holder.scope().brands(), holder.scope().all());
	}

}
