package io.brandsignal.contract.access;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The brands a caller (an API key, a read key, a person) may use: a set of brand slugs, or every brand
 * ({@code *}). Built from a configured list, which must not be empty: an empty list is a mistake in
 * the configuration, never a shorthand for every brand.
 *
 * @param brands the brands in scope (ignored when {@code all})
 * @param all whether every brand is in scope
 */
public record BrandScope(Set<String> brands, boolean all) {

	/** Every brand. */
	public static final BrandScope ALL = new BrandScope(Set.of(), true);

	/** The wildcard entry that stands for every brand. */
	public static final String EVERY_BRAND = "*";

	public BrandScope {
		brands = Set.copyOf(brands);
	}

	/**
	 * The scope a configured list describes.
	 * @param entries brand slugs, or {@code *} for every brand; blanks are ignored, the rest trimmed
	 * @param owner who the list belongs to, for the error message (e.g. {@code API key 'shop'})
	 * @return the scope
	 * @throws IllegalStateException when the list names no brand at all
	 */
	public static BrandScope of(List<String> entries, String owner) {
		Set<String> brands = new TreeSet<>();
		boolean all = false;
		for (String entry : (entries != null) ? entries : List.<String>of()) {
			String trimmed = (entry != null) ? entry.trim() : "";
			if (trimmed.equals(EVERY_BRAND)) {
				all = true;
			}
			else if (!trimmed.isEmpty()) {
				brands.add(trimmed);
			}
		}
		if (!all && brands.isEmpty()) {
			throw new IllegalStateException(owner + ": brands must list brand slugs or '*' for all brands");
		}
		return all ? ALL : new BrandScope(brands, false);
	}

	/** Whether the brand is in this scope. */
	public boolean includes(String brand) {
		return this.all || this.brands.contains(brand);
	}

}
