package io.brandsignal.dashboard.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.brand.Verdicts;
import io.brandsignal.dashboard.readmodel.BrandSort;
import io.brandsignal.dashboard.readmodel.MetricValue;
import io.brandsignal.dashboard.readmodel.ReadCache;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import io.brandsignal.dashboard.series.GrowthIndex;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The overview's leaderboard: the scored brands the reader may see, a page at a time, with their verdict,
 * indices and a sparkline of their scoring window, and how many brands have each verdict. A page reads
 * its own brands and their windows only (one query each), never every brand's.
 */
@Service
public class Leaderboard {

	private static final int MAX_CACHED_ROWS = 1000;

	private final Brands brands;

	private final RollupStore rollups;

	private final MetricCatalog catalog;

	/** Single rows, as live updates ask for them, until their brand's scorecard or daily values change. */
	private final ReadCache<String, Row> rows = ReadCache.bounded(MAX_CACHED_ROWS);

	public Leaderboard(Brands brands, RollupStore rollups, MetricCatalog catalog) {
		this.brands = brands;
		this.rollups = rollups;
		this.catalog = catalog;
	}

	/**
	 * One page of the leaderboard.
	 * @param verdict only brands with this verdict, or {@code null} for all
	 * @param sort the order
	 * @param scope the brands the reader may see
	 * @param limit at most this many rows
	 * @param offset how many rows to skip first
	 */
	public Page page(Verdict verdict, BrandSort sort, BrandScope scope, int limit, int offset) {
		List<BrandSummary> summaries = this.brands.page(verdict, sort, scope, limit, offset);
		int total = this.brands.count(verdict, scope);
		Map<String, List<MetricValue>> values = new HashMap<>();
		for (MetricValue value : this.rollups
			.valuesInScoringWindows(summaries.stream().map(BrandSummary::brand).toList())) {
			values.computeIfAbsent(value.brand(), (brand) -> new ArrayList<>()).add(value);
		}
		List<Row> rows = summaries.stream()
			.map((summary) -> row(summary, values.getOrDefault(summary.brand(), List.of())))
			.toList();
		return new Page(rows, total, limit, offset);
	}

	/**
	 * The leaderboard row of one brand, as a live update swaps it in.
	 * @throws io.brandsignal.dashboard.brand.BrandNotFoundException when the brand is outside the scope or
	 * has no scorecard, alike
	 */
	public Row row(String brand, BrandScope scope) {
		Brands.requireInScope(scope, brand);
		// every open overview showing the brand asks at once after a change: one of them reads it
		Row row = this.rows.get(brand, (name) -> this.brands.findSummary(name)
			.map((summary) -> row(summary, this.rollups.values(name, windowStart(summary), summary.asOf())))
			.orElse(null));
		if (row == null) {
			throw Brands.unknown(brand);
		}
		return row;
	}

	@EventListener
	void onScorecardChanged(ScorecardChanged changed) {
		this.rows.evict(changed.scorecard().brand());
	}

	@EventListener
	void onRollupChanged(RollupChanged changed) {
		this.rows.evict(changed.brand());
	}

	private Row row(BrandSummary summary, List<MetricValue> values) {
		return new Row(summary,
				Sparkline.of(GrowthIndex.of(values, this.catalog, windowStart(summary), summary.asOf())));
	}

	private static LocalDate windowStart(BrandSummary summary) {
		return summary.asOf().minusDays(Math.max(1, summary.windowDays()) - 1L);
	}

	/**
	 * Every verdict with its words and the number of brands in the scope that have it, in the verdict
	 * order; counted by the database from the brands the reader may see, never from everyone's totals.
	 */
	public List<VerdictCount> counts(BrandScope scope) {
		return this.brands.countByVerdict(scope)
			.entrySet()
			.stream()
			.map((count) -> new VerdictCount(count.getKey(), Verdicts.label(count.getKey()),
					Verdicts.meaning(count.getKey()), count.getValue()))
			.toList();
	}

	/**
	 * One page of the leaderboard.
	 *
	 * @param rows its rows
	 * @param total how many brands the whole leaderboard has
	 * @param limit the most rows a page has
	 * @param offset how many rows come before this page
	 */
	public record Page(List<Row> rows, int total, int limit, int offset) {
	}

	/**
	 * One brand of the leaderboard.
	 *
	 * @param brand the brand and its headline numbers
	 * @param sparkline its indexed audience and outcome lines
	 */
	public record Row(BrandSummary brand, Sparkline sparkline) {
	}

	/**
	 * How many brands have a verdict.
	 *
	 * @param verdict the verdict
	 * @param label the verdict in words
	 * @param meaning what the verdict means
	 * @param brands the number of brands
	 */
	public record VerdictCount(Verdict verdict, String label, String meaning, long brands) {
	}

}
