package io.brandsignal.ingest.auth;

import java.util.List;

/**
 * A request names brands its API key may not write; nothing of it is published.
 */
public class ForbiddenBrandsException extends RuntimeException {

	private final List<String> brands;

	/** A batch that names brands the key may not write. */
	public ForbiddenBrandsException(String keyName, List<String> brands) {
		this(brands, "API key '" + keyName + "' may not write brand(s) " + String.join(", ", brands)
				+ "; nothing of this batch was published");
	}

	private ForbiddenBrandsException(List<String> brands, String message) {
		super(message);
		this.brands = List.copyOf(brands);
	}

	/** A campaign of a brand the key may not write. */
	public static ForbiddenBrandsException campaign(String keyName, String brand) {
		return new ForbiddenBrandsException(List.of(brand),
				"API key '" + keyName + "' may not write brand " + brand + "; nothing was published");
	}

	/** The refused brands, in order of first appearance. */
	public List<String> brands() {
		return this.brands;
	}

}
