package io.brandsignal.dashboard.readmodel.kafka;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignScored.Effect;
import io.brandsignal.contract.campaign.CampaignScored.MetricLift;
import io.brandsignal.contract.campaign.FieldProblem;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;

/**
 * The checks a consumed record must pass before it is stored; the read model trusts nothing it reads.
 */
final class RecordChecks {

	private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private RecordChecks() {
	}

	static void check(BrandScored scorecard) {
		if (scorecard == null) {
			throw new InvalidRecordException("Scorecard is empty (tombstone)");
		}
		checkBrand(scorecard.brand());
		require(scorecard.asOf() != null, "Scorecard of " + scorecard.brand() + " has no asOf");
		require(scorecard.verdict() != null, "Scorecard of " + scorecard.brand() + " has no verdict");
		require(scorecard.scoredAt() != null, "Scorecard of " + scorecard.brand() + " has no scoredAt");
		require(Double.isFinite(scorecard.vanityIndex()) && Double.isFinite(scorecard.impactScore()),
				"Scorecard of " + scorecard.brand() + " has a non-finite index");
	}

	static void check(DailyRollup rollup) {
		if (rollup == null) {
			throw new InvalidRecordException("Rollup is empty (tombstone)");
		}
		checkBrand(rollup.brand());
		require(rollup.date() != null, "Rollup of " + rollup.brand() + " has no date");
		for (Map.Entry<String, Double> value : rollup.metrics().entrySet()) {
			require(METRIC.matcher(value.getKey()).matches(), "Rollup has a malformed metric name");
			require(value.getValue() != null && Double.isFinite(value.getValue()),
					"Rollup value of " + value.getKey() + " is not a finite number");
		}
	}

	/**
	 * Checks a campaign record: its key names a campaign ({@code brand|id}); a definition obeys
	 * {@link CampaignRules} and sits under its own key. A tombstone ({@code null}) passes: it deletes.
	 * @return the campaign the key names
	 */
	static Key check(String key, CampaignDefined campaign) {
		Key named = key(key);
		if (campaign != null) {
			List<FieldProblem> problems = CampaignRules.problems(campaign);
			require(problems.isEmpty(), "Campaign " + key + " breaks the campaign rules: " + problems);
			require(campaign.key().equals(key), "Campaign " + campaign.key() + " arrived under the key " + key);
		}
		return named;
	}

	/**
	 * Checks a campaign result: its key names a campaign, it sits under its own key and has what the read
	 * model stores and shows (verdict, kind, dates, finite numbers, bounded days). A tombstone passes.
	 * @return the campaign the key names
	 */
	static Key check(String key, CampaignScored result) {
		Key named = key(key);
		if (result == null) {
			return named;
		}
		String what = "Campaign result " + key;
		require(ObservationRecorded.isSlug(result.brand()) && ObservationRecorded.isSlug(result.campaignId())
				&& result.key().equals(key), what + " names another campaign or none");
		require(result.name() != null && result.kind() != null && result.verdict() != null
				&& result.startDate() != null && result.endDate() != null && result.scoredAt() != null,
				what + " lacks its name, kind, verdict, dates or scoredAt");
		for (MetricLift lift : result.metrics()) {
			require(lift != null && lift.metric() != null && METRIC.matcher(lift.metric()).matches()
					&& lift.state() != null, what + " has a metric without a name or state");
			require(lift.days().size() <= CampaignScored.MAX_DAYS, what + " has more than "
					+ CampaignScored.MAX_DAYS + " days of " + lift.metric());
			for (Effect effect : Arrays.asList(lift.during(), lift.carryOver(), lift.total())) {
				require(effect == null || finite(effect.effect(), effect.low(), effect.high(),
						effect.counterfactual(), effect.pValue()), what + " has a non-finite effect on " + lift.metric());
			}
			for (CampaignScored.Day day : lift.days()) {
				require(day != null && day.date() != null && finite(day.counterfactual(), day.low(), day.high())
						&& (day.actual() == null || Double.isFinite(day.actual())),
						what + " has a day without a date or a finite band on " + lift.metric());
			}
		}
		return named;
	}

	private static boolean finite(double... values) {
		for (double value : values) {
			if (!Double.isFinite(value)) {
				return false;
			}
		}
		return true;
	}

	private static Key key(String key) {
		require(key != null, "Campaign record has no key");
		try {
			Key named = new Key(CampaignDefined.brandOfKey(key), CampaignDefined.idOfKey(key));
			require(ObservationRecorded.isSlug(named.brand()) && ObservationRecorded.isSlug(named.id()),
					"Campaign key '" + key + "' is no brand|id of slugs");
			return named;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRecordException(ex.getMessage(), ex);
		}
	}

	/**
	 * The campaign a record's key names.
	 *
	 * @param brand its brand
	 * @param id its id
	 */
	record Key(String brand, String id) {
	}

	private static void checkBrand(String brand) {
		require(ObservationRecorded.isSlug(brand), "Brand is missing or not a slug");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidRecordException(message);
		}
	}

}
