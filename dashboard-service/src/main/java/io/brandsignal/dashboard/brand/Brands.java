package io.brandsignal.dashboard.brand;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.readmodel.BrandSort;
import io.brandsignal.dashboard.readmodel.ReadCache;
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import io.brandsignal.dashboard.readmodel.ScorecardStore;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What the dashboard knows about brands: their latest scorecards, read from the read model and turned
 * into the views the API and pages show.
 */
@Service
public class Brands {

	private static final int MAX_CACHED = 1000;

	private final ScorecardStore scorecards;

	private final RollupStore rollups;

	private final ReadCache<String, ScorecardView> latest = ReadCache.bounded(MAX_CACHED);

	public Brands(ScorecardStore scorecards, RollupStore rollups) {
		this.scorecards = scorecards;
		this.rollups = rollups;
	}

	/**
	 * One page of the scored brands a reader may see, read as one page from the database.
	 * @param verdict only brands with this verdict, or {@code null} for all
	 * @param sort the order
	 * @param scope the brands the reader may see
	 * @param limit at most this many brands
	 * @param offset how many to skip first
	 * @return the brands in that order
	 */
	public List<BrandSummary> page(Verdict verdict, BrandSort sort, BrandScope scope, int limit, long offset) {
		return this.scorecards.page(verdict, sort, scope, limit, offset).stream().map(BrandSummary::of).toList();
	}

	/** How many scored brands the reader may see (with the verdict, when one is given). */
	public int count(Verdict verdict, BrandScope scope) {
		return this.scorecards.count(verdict, scope);
	}

	/** How many brands have each verdict, every verdict present. */
	public Map<Verdict, Long> countByVerdict() {
		return this.scorecards.countByVerdict();
	}

	/** How many brands the reader may see have each verdict, every verdict present. */
	public Map<Verdict, Long> countByVerdict(BrandScope scope) {
		return this.scorecards.countByVerdict(scope);
	}

	/** The headline numbers of the brand's latest scorecard, if it has one. */
	public Optional<BrandSummary> findSummary(String brand) {
		return this.scorecards.find(brand).map(BrandSummary::of);
	}

	/**
	 * The brand's latest scorecard, if it has one. Kept per brand until this instance stores a newer
	 * scorecard of the brand (every instance consumes every change), since pages ask for it far more
	 * often than it changes.
	 */
	public Optional<ScorecardView> findScorecard(String brand) {
		return Optional
			.ofNullable(this.latest.get(brand, (name) -> this.scorecards.find(name).map(ScorecardView::of).orElse(null)));
	}

	@EventListener
	void onScorecardChanged(ScorecardChanged changed) {
		this.latest.evict(changed.scorecard().brand());
	}

	/**
	 * The brand's latest scorecard.
	 * @throws BrandNotFoundException when the brand has none
	 */
	public ScorecardView scorecard(String brand) {
		return findScorecard(brand)
			.orElseThrow(() -> exists(brand)
					? new BrandNotFoundException(brand, "Brand '" + brand + "' has data but no scorecard yet.")
					: unknown(brand));
	}

	/** Whether the read model has a scorecard or any daily value of the brand. */
	public boolean exists(String brand) {
		return this.scorecards.exists(brand) || this.rollups.latestDay(brand).isPresent();
	}

	/**
	 * Refuses a brand outside the caller's scope exactly as a brand nobody knows, so a caller learns
	 * nothing about brands it may not see, not even that they exist.
	 * @throws BrandNotFoundException when the brand is outside the scope
	 */
	public static void requireInScope(BrandScope scope, String brand) {
		if (!scope.includes(brand)) {
			throw unknown(brand);
		}
	}

	/** The exception for a brand the read model does not know. */
	public static BrandNotFoundException unknown(String brand) {
		return new BrandNotFoundException(brand, "No brand '" + brand + "' is known to the dashboard.");
	}

}
