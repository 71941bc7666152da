package io.brandsignal.ingest.auth;

import java.util.List;

import io.brandsignal.contract.access.ApiKeyDefinition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys allowed to post observations, under {@code brandsignal.ingest.api-keys}: each a name
 * (recorded as the source of what it writes), the SHA-256 hash of the key (never the key itself) and
 * the brands it may write ({@code *} for all; an empty list is refused at startup). None are
 * configured by default, so a fresh service accepts nothing until an operator adds a key.
 *
 * @param apiKeys the configured keys
 */
@ConfigurationProperties("brandsignal.ingest")
public record ApiKeyProperties(@DefaultValue List<ApiKeyDefinition> apiKeys) {

}
