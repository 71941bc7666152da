package io.brandsignal.dashboard.campaign;

import java.util.EnumMap;
import java.util.Map;

import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignVerdict;

/**
 * The words the dashboard shows for each campaign verdict and kind, so a verdict never rests on colour alone.
 */
public final class CampaignVerdicts {

	private static final Map<CampaignVerdict, String> LABELS = new EnumMap<>(CampaignVerdict.class);

	private static final Map<CampaignVerdict, String> MEANINGS = new EnumMap<>(CampaignVerdict.class);

	private static final Map<CampaignKind, String> KINDS = new EnumMap<>(CampaignKind.class);

	static {
		put(CampaignVerdict.MOVED_OUTCOMES, "Moved outcomes", "An outcome metric rose beyond its uncertainty.");
		put(CampaignVerdict.BOUGHT_ATTENTION, "Bought attention",
				"The audience rose beyond its uncertainty, no outcome did.");
		put(CampaignVerdict.NO_MEASURABLE_EFFECT, "No measurable effect",
				"Nothing rose beyond its uncertainty.");
		put(CampaignVerdict.TOO_EARLY, "Too early", "Too few campaign days are known to measure a lift yet.");
		put(CampaignVerdict.NOT_ENOUGH_PRE_PERIOD, "Not enough history",
				"Too little data before the campaign to say what would have happened without it.");
		KINDS.put(CampaignKind.GIVEAWAY, "Giveaway");
		KINDS.put(CampaignKind.INFLUENCER, "Influencer");
		KINDS.put(CampaignKind.PAID_SOCIAL, "Paid social");
		KINDS.put(CampaignKind.BRAND_MEDIA, "Brand media");
		KINDS.put(CampaignKind.PROMOTION, "Promotion");
		KINDS.put(CampaignKind.OTHER, "Other");
	}

	private CampaignVerdicts() {
	}

	private static void put(CampaignVerdict verdict, String label, String meaning) {
		LABELS.put(verdict, label);
		MEANINGS.put(verdict, meaning);
	}

	/** The verdict in words, such as "Bought attention"; "Not scored yet" without one. */
	public static String label(CampaignVerdict verdict) {
		return (verdict != null) ? LABELS.get(verdict) : "Not scored yet";
	}

	/** What the verdict means, in one sentence. */
	public static String meaning(CampaignVerdict verdict) {
		return (verdict != null) ? MEANINGS.get(verdict) : "Scoring has not measured this campaign yet.";
	}

	/** The kind in words, such as "Paid social". */
	public static String kind(CampaignKind kind) {
		return (kind != null) ? KINDS.get(kind) : "Unknown";
	}

}
