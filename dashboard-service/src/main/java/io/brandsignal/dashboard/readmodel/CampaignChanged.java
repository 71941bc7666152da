package io.brandsignal.dashboard.readmodel;

/**
 * Published in this instance once the read model holds a campaign's newest definition or result, or no longer
 * holds it (a tombstone deleted it), whoever stored it.
 *
 * @param brand the campaign's brand
 * @param id the campaign's id within its brand
 */
public record CampaignChanged(String brand, String id) {
}
