package io.brandsignal.dashboard.brand;

/**
 * Asked for a brand the read model knows nothing about (or, for a scorecard, one not scored yet).
 */
public class BrandNotFoundException extends RuntimeException {

	private final String brand;

	public BrandNotFoundException(String brand, String message) {
		super(message);
		this.brand = brand;
	}

	/** The brand asked for, as given. */
	public String brand() {
		return this.brand;
	}

}
