package io.brandsignal.dashboard.readmodel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders in which brands can be listed; each knows its natural direction.
 */
public enum BrandSort {

	/** Alphabetical. */
	BRAND("brand", "brand ASC"),

	/** Highest vanity index (most audience without outcome) first. */
	VANITY_INDEX("vanityIndex", "vanity_index DESC, brand ASC"),

	/** Highest impact score first. */
	IMPACT_SCORE("impactScore", "impact_score DESC, brand ASC");

	private final String parameter;

	private final String orderBy;

	BrandSort(String parameter, String orderBy) {
		this.parameter = parameter;
		this.orderBy = orderBy;
	}

	String orderBy() {
		return this.orderBy;
	}

	/** The request parameter that names this order, as links write it. */
	public String parameter() {
		return this.parameter;
	}

	/** The order a request parameter names, if any. */
	public static Optional<BrandSort> fromParameter(String parameter) {
		return Arrays.stream(values()).filter((sort) -> sort.parameter.equalsIgnoreCase(parameter)).findFirst();
	}

}
