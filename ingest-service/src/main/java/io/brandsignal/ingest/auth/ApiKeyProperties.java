package io.brandsignal.ingest.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys allowed to post observations, under {@code brandsignal.ingest.api-keys}. Only the
 * SHA-256 hash of each key is configured, never the key itself. None are configured by default, so a
 * fresh service accepts nothing until an operator adds a key.
 *
 * @param apiKeys the configured keys
 */
@ConfigurationProperties("brandsignal.ingest")
public record ApiKeyProperties(@DefaultValue List<ApiKeyDefinition> apiKeys) {

	/**
	 * One API key.
	 *
	 * @param name who holds the key (an exporter, a shop, a CRM); recorded as the source of what it writes
	 *     and safe to log
	 * @param sha256 hex SHA-256 hash of the key, e.g. the output of {@code printf %s "$KEY" | sha256sum}
	 * @param brands brand slugs the key may write, or {@code *} for every brand
	 */
	public record ApiKeyDefinition(String name, String sha256, @DefaultValue List<String> brands) {
	}

}
