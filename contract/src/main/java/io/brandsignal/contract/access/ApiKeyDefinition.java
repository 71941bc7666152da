package io.brandsignal.contract.access;

import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One configured key as an operator writes it: only its hash, never the key itself.
 *
 * @param name who holds the key (an exporter, a shop, a BI tool); safe to log, used as the key's
 *     rate-limit bucket and meter tag
 * @param sha256 hex SHA-256 hash of the key, e.g. the output of {@code printf %s "$KEY" | sha256sum}
 * @param brands the brands the key may use, or {@code *} for every brand; must not be empty
 */
public record ApiKeyDefinition(String name, String sha256, @DefaultValue List<String> brands) {
}
