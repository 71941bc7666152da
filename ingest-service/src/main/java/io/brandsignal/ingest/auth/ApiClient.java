package io.brandsignal.ingest.auth;

import java.util.Set;

/**
 * The authenticated caller of a request: the name of its API key and the brands it may write.
 *
 * @param name the key's configured name, never the key itself
 * @param brands the brands the key may write (ignored when {@code allBrands})
 * @param allBrands whether the key may write every brand ({@code *})
 */
public record ApiClient(String name, Set<String> brands, boolean allBrands) {

	/** Request attribute under which the authenticated client travels from the interceptor to controllers. */
	public static final String REQUEST_ATTRIBUTE = "io.brandsignal.ingest.auth.ApiClient";

	public ApiClient {
		brands = Set.copyOf(brands);
	}

	/** Whether this client may write observations of the brand. */
	public boolean mayWrite(String brand) {
		return this.allBrands || this.brands.contains(brand);
	}

}
