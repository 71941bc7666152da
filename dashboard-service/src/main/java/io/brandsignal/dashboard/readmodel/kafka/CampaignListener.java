package io.brandsignal.dashboard.readmodel.kafka;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.dashboard.readmodel.CampaignChanged;
import io.brandsignal.dashboard.readmodel.CampaignStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model's campaigns up to date from the campaigns as defined (by ingest's API and the
 * dashboard's own form) and the lift scoring measured for them, and announces every change it now holds
 * ({@link CampaignChanged}), as {@link ReadModelListener} does for scorecards. On these compacted topics a
 * tombstone deletes the campaign named by its key (a campaign's tombstone its result too); a record that fails {@link RecordChecks} goes to the
 * dashboard's dead-letter topic through the same error handler.
 */
@Component
class CampaignListener {

	private final CampaignStore campaigns;

	private final ApplicationEventPublisher events;

	CampaignListener(CampaignStore campaigns, ApplicationEventPublisher events) {
		this.campaigns = campaigns;
		this.events = events;
	}

	@KafkaListener(id = "dashboard-campaigns", idIsGroup = false,
			topics = "#{T(io.brandsignal.contract.topic.Topics).CAMPAIGNS.name()}")
	void onCampaign(@Payload(required = false) CampaignDefined campaign,
			@Header(name = KafkaHeaders.RECEIVED_KEY, required = false) String key) {
		RecordChecks.Key campaignKey = RecordChecks.check(key, campaign);
		if (campaign == null) {
			// the campaign's result goes with it at once: scoring's tombstone for it follows, but a deleted
			// campaign's lift should not stay on the pages until then (non-short-circuit: both rows go)
			if (this.campaigns.deleteDefinition(campaignKey.brand(), campaignKey.id())
					| this.campaigns.deleteResult(campaignKey.brand(), campaignKey.id())) {
				announce(campaignKey);
			}
		}
		else if (this.campaigns.upsert(campaign) || this.campaigns.holds(campaign)) {
			announce(campaignKey);
		}
	}

	@KafkaListener(id = "dashboard-campaign-results", idIsGroup = false,
			topics = "#{T(io.brandsignal.contract.topic.Topics).CAMPAIGN_RESULTS.name()}")
	void onResult(@Payload(required = false) CampaignScored result,
			@Header(name = KafkaHeaders.RECEIVED_KEY, required = false) String key) {
		RecordChecks.Key campaignKey = RecordChecks.check(key, result);
		if (result == null) {
			if (this.campaigns.deleteResult(campaignKey.brand(), campaignKey.id())) {
				announce(campaignKey);
			}
		}
		else if (this.campaigns.upsert(result) || this.campaigns.holds(result)) {
			announce(campaignKey);
		}
	}

	private void announce(RecordChecks.Key key) {
		this.events.publishEvent(new CampaignChanged(key.brand(), key.id()));
	}

}
