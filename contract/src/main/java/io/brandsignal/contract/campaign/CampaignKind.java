package io.brandsignal.contract.campaign;

/**
 * What kind of marketing action a campaign is, so results can be compared kind by kind (did giveaways
 * ever move sales?).
 */
public enum CampaignKind {

	/** A contest or giveaway, typically for follows, likes or shares. */
	GIVEAWAY,

	/** Content paid for or placed with influencers or creators. */
	INFLUENCER,

	/** Paid ads on social platforms. */
	PAID_SOCIAL,

	/** Brand advertising outside social: TV, radio, out of home, print, display. */
	BRAND_MEDIA,

	/** A price or offer promotion: discounts, bundles, coupons. */
	PROMOTION,

	/** Anything else. */
	OTHER

}
