package io.brandsignal.contract.topic;

import java.util.List;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;

/**
 * Every topic the services exchange data on, declared once. Dead-letter topics carry the original
 * bytes of records a consumer could not process, with the reason in the record headers.
 */
public final class Topics {

	/** Observations accepted by ingest, keyed by brand; read by scoring. */
	public static final Topic<ObservationRecorded> OBSERVATIONS = new Topic<>("brandsignal.observations.v1",
			ObservationRecorded.class, false);

	/** Observations scoring could not read or accept. */
	public static final Topic<byte[]> OBSERVATIONS_DEAD_LETTER = Topic.deadLetter("brandsignal.observations.v1.dlt");

	/** The latest scorecard per brand, keyed by brand; read by the dashboard. */
	public static final Topic<BrandScored> SCORECARDS = new Topic<>("brandsignal.scorecards.v2", BrandScored.class,
			true);

	/** Each brand's values per day, keyed by {@link DailyRollup#key}; read by the dashboard. */
	public static final Topic<DailyRollup> DAILY_ROLLUPS = new Topic<>("brandsignal.daily-rollups.v1",
			DailyRollup.class, true);

	/**
	 * Each brand's campaigns as last defined, keyed by {@link CampaignDefined#key}; a tombstone deletes one.
	 * Written by ingest (and the dashboard's form), read by scoring for the lift per campaign.
	 */
	public static final Topic<CampaignDefined> CAMPAIGNS = new Topic<>("brandsignal.campaigns.v1",
			CampaignDefined.class, true);

	/**
	 * Each campaign's measured lift as scoring last computed it, keyed by {@link CampaignScored#key}; a tombstone
	 * follows a deleted campaign. Read by the dashboard.
	 */
	public static final Topic<CampaignScored> CAMPAIGN_RESULTS = new Topic<>("brandsignal.campaign-results.v1",
			CampaignScored.class, true);

	/** Scorecards and rollups the dashboard could not read or store. */
	public static final Topic<byte[]> DASHBOARD_DEAD_LETTER = Topic.deadLetter("brandsignal.dashboard.v1.dlt");

	private Topics() {
	}

	/** All topics, for provisioning. */
	public static List<Topic<?>> all() {
		return List.of(OBSERVATIONS, OBSERVATIONS_DEAD_LETTER, SCORECARDS, DAILY_ROLLUPS, CAMPAIGNS,
				CAMPAIGN_RESULTS, DASHBOARD_DEAD_LETTER);
	}

}
