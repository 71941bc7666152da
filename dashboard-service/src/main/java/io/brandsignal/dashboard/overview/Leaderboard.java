package io.brandsignal.dashboard.overview;

import java.util.ArrayList;
import java.util.EnumMap;
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
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.series.GrowthIndex;

import org.springframework.stereotype.Service;

/**
 * The overview's leaderboard: every scored brand the reader may see, with its verdict, indices and a sparkline of its
 * scoring window, and how many brands have each verdict.
 */
@Service
public class Leaderboard {

	private final Brands brands;

	private final RollupStore rollups;

	private final MetricCatalog catalog;

	public Leaderboard(Brands brands, RollupStore rollups, MetricCatalog catalog) {
		this.brands = brands;
		this.rollups = rollups;
		this.catalog = catalog;
	}

	/**
	 * The rows of the leaderboard.
	 * @param verdict only brands with this verdict, or {@code null} for all
	 * @param sort the order
	 * @param scope the brands the reader may see
	 */
	public List<Row> rows(Verdict verdict, BrandSort sort, BrandScope scope) {
		List<BrandSummary> summaries = this.brands.list(verdict, sort)
			.stream()
			.filter((summary) -> scope.includes(summary.brand()))
			.toList();
		Map<String, List<MetricValue>> values = new HashMap<>();
		for (MetricValue value : this.rollups.valuesInScoringWindows()) {
			if (scope.includes(value.brand())) {
				values.computeIfAbsent(value.brand(), (brand) -> new ArrayList<>()).add(value);
			}
		}
		return summaries.stream().map((summary) -> {
			int window = Math.max(1, summary.windowDays());
			List<MetricValue> brandValues = values.getOrDefault(summary.brand(), List.of());
			return new Row(summary, Sparkline.of(GrowthIndex.of(brandValues, this.catalog,
					summary.asOf().minusDays(window - 1L), summary.asOf())));
		}).toList();
	}

	/**
	 * Every verdict with its words and the number of brands in the scope that have it, in the verdict
	 * order.
	 */
	public List<VerdictCount> counts(BrandScope scope) {
		return (scope.all() ? this.brands.countByVerdict() : countInScope(scope)).entrySet()
			.stream()
			.map((count) -> new VerdictCount(count.getKey(), Verdicts.label(count.getKey()),
					Verdicts.meaning(count.getKey()), count.getValue()))
			.toList();
	}

	private Map<Verdict, Long> countInScope(BrandScope scope) {
		// counted from the brands the reader may see, never from the totals of everyone's brands
		Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
		for (Verdict verdict : Verdict.values()) {
			counts.put(verdict, 0L);
		}
		for (BrandSummary summary : this.brands.list(null, BrandSort.BRAND)) {
			if (scope.includes(summary.brand())) {
				counts.merge(summary.verdict(), 1L, Long::sum);
			}
		}
		return counts;
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
