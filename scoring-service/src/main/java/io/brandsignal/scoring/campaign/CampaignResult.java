package io.brandsignal.scoring.campaign;

import io.brandsignal.contract.campaign.CampaignVerdict;

import java.util.List;

/**
 * A campaign's lift on each metric of its brand, what that means ({@link CampaignVerdict}), what it cost, and
 * the plain-words explanation.
 *
 * @param campaign the campaign
 * @param verdict what it did
 * @param lifts per metric, in catalog order
 * @param spend what it cost, {@code null} when unknown
 * @param costs per incremental unit of each metric with a positive total effect (empty without spend)
 * @param returnOnSpend for the revenue metric, when there is spend and an estimated revenue lift; else
 * {@code null}
 * @param overlaps other campaigns whose days of effect overlap this one's: the lift is shared, not credited
 * twice
 * @param explanation one or two plain sentences built from these numbers
 */
public record CampaignResult(CampaignWindow campaign, CampaignVerdict verdict, List<MetricLift> lifts, Spend spend,
		List<UnitCost> costs, ReturnOnSpend returnOnSpend, List<String> overlaps, String explanation) {

	public CampaignResult {
		lifts = List.copyOf(lifts);
		costs = List.copyOf(costs);
		overlaps = List.copyOf(overlaps);
	}

}
