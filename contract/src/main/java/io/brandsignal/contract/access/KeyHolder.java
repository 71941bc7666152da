package io.brandsignal.contract.access;

/**
 * Whom a presented key belongs to.
 *
 * @param name the key's configured name, never the key itself
 * @param scope the brands the key may use
 */
public record KeyHolder(String name, BrandScope scope) {
}
