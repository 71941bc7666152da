package io.brandsignal.scoring;

import java.time.Duration;

import io.brandsignal.scoring.campaign.LiftRules;
import io.brandsignal.scoring.scorecard.ScoringRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scoring settings under {@code brandsignal.scoring}: when brands are recomputed and how much memory the
 * stream tasks use, plus the method's thresholds, which bind straight onto {@link ScoringRules}' groups
 * ({@code brandsignal.scoring.window.days}, {@code brandsignal.scoring.growth.confidence}, ...) where their
 * defaults are declared. docs/scoring.md explains each.
 *
 * @param recomputeQuietPeriod how long a lone update (changes of one day arriving together, to a brand
 * not recomputed within the last {@code recomputeInterval}) waits for more before its brand is
 * recomputed: short, so a live change reaches the dashboards within a second
 * @param recomputeInterval the quiet time that settles a brand in a burst (changes on several days or
 * that keep coming, such as a backfill): such a brand is recomputed once it has had no new change for
 * this long, at most once per interval however many observations changed it
 * @param maxRecomputeDelay the longest a brand that keeps changing (a backfill in progress) waits for
 * a fresh scorecard
 * @param cachedBrands how many brands' cells one instance keeps in memory besides its state stores
 * (roughly 100-250 kB each for a full horizon), so observations and recomputes of those brands read no
 * store; others are read from the store
 * @param window see {@link ScoringRules.Window}
 * @param ledger see {@link ScoringRules.Ledger}
 * @param growth see {@link ScoringRules.Growth}
 * @param evidence see {@link ScoringRules.Evidence}
 * @param scores see {@link ScoringRules.Scores}
 * @param spikes see {@link ScoringRules.Spikes}
 * @param campaigns the campaign lift settings, see {@link LiftRules}
 */
@ConfigurationProperties("brandsignal.scoring")
public record ScoringProperties(@DefaultValue("40ms") Duration recomputeQuietPeriod,
		@DefaultValue("1s") Duration recomputeInterval,
		@DefaultValue("10s") Duration maxRecomputeDelay, @DefaultValue("512") int cachedBrands,
		@DefaultValue ScoringRules.Window window, @DefaultValue ScoringRules.Ledger ledger,
		@DefaultValue ScoringRules.Growth growth, @DefaultValue ScoringRules.Evidence evidence,
		@DefaultValue ScoringRules.Scores scores, @DefaultValue ScoringRules.Spikes spikes,
		@DefaultValue LiftRules campaigns) {

	public ScoringProperties {
		if (recomputeInterval == null || recomputeInterval.isNegative() || recomputeInterval.isZero()) {
			throw new IllegalArgumentException("brandsignal.scoring.recompute-interval must be positive");
		}
		if (recomputeQuietPeriod == null || recomputeQuietPeriod.isNegative() || recomputeQuietPeriod.isZero()
				|| recomputeQuietPeriod.compareTo(recomputeInterval) > 0) {
			throw new IllegalArgumentException(
					"brandsignal.scoring.recompute-quiet-period must be positive and at most the recompute interval");
		}
		if (maxRecomputeDelay == null || maxRecomputeDelay.compareTo(recomputeInterval) < 0) {
			throw new IllegalArgumentException(
					"brandsignal.scoring.max-recompute-delay must be at least the recompute interval");
		}
		if (cachedBrands < 0) {
			throw new IllegalArgumentException("brandsignal.scoring.cached-brands cannot be negative");
		}
		// Checks the thresholds against each other at startup rather than at the first scorecard.
		rules();
	}

	/** The thresholds as the plain rules the scoring math takes. */
	public ScoringRules rules() {
		return new ScoringRules(this.window, this.ledger, this.growth, this.evidence, this.scores, this.spikes);
	}

}
