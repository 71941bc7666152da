package io.brandsignal.ingest.auth;

import java.util.List;

/**
 * A batch names brands its API key may not write; the whole batch is refused.
 */
public class ForbiddenBrandsException extends RuntimeException {

	private final List<String> brands;

	public ForbiddenBrandsException(String keyName, List<String> brands) {
		super("API key '" + keyName + "' may not write brand(s) " + String.join(", ", brands)
				+ "; nothing of this batch was published");
		this.brands = List.copyOf(brands);
	}

	/** The refused brands, in order of first appearance. */
	public List<String> brands() {
		return this.brands;
	}

}
