package io.brandsignal.dashboard.campaign;

import io.brandsignal.dashboard.brand.BrandNotFoundException;

/**
 * Asked for a campaign the read model does not hold, or one of a brand outside the caller's scope (answered
 * alike, so a caller learns nothing about brands it may not see). A kind of unknown brand, so every place that
 * answers those with 404 answers this too.
 */
public class CampaignNotFoundException extends BrandNotFoundException {

	private final String id;

	public CampaignNotFoundException(String brand, String id) {
		super(brand, "No campaign '" + id + "' of brand '" + brand + "' is known to the dashboard.");
		this.id = id;
	}

	/** The campaign id asked for, as given. */
	public String id() {
		return this.id;
	}

}
