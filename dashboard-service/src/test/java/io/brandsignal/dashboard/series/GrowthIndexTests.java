package io.brandsignal.dashboard.series;

import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.dashboard.readmodel.MetricValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthIndexTests {

	private static final MetricCatalog CATALOG = MetricCatalog.defaults();

	@Test
	void averagesEachSidesMetricsIndexedToTheirFirstDay() {
		// followers 1000 -> 1200 (120), likes 50 -> 40 (80): audience (120 + 80) / 2 = 100 on day 2.
		// leads 10 -> 15 (150), brand_awareness 20 -> 22 (110): outcomes (150 + 110) / 2 = 130.
		BrandSeries.IndexedGrowth lines = GrowthIndex.of(List.of(value("2026-11-01", "followers", 1000),
				value("2026-11-01", "likes", 50), value("2026-11-01", "leads", 10),
				value("2026-11-01", "brand_awareness", 20), value("2026-11-02", "followers", 1200),
				value("2026-11-02", "likes", 40), value("2026-11-02", "leads", 15),
				value("2026-11-02", "brand_awareness", 22)), CATALOG, day("2026-11-01"), day("2026-11-02"));

		assertThat(lines.audience()).containsExactly(100.0, 100.0);
		assertThat(lines.outcomes()).containsExactly(100.0, 130.0);
	}

	@Test
	void carriesAMetricsIndexOverDaysWithoutValueAndStartsLateMetricsAtHundred() {
		// sales on day 1 (100) and day 3 (60 / 50 = 120); orders start on day 2 at 4 (100), then 6 (150):
		// day 3 outcomes (120 + 150) / 2 = 135.
		BrandSeries.IndexedGrowth lines = GrowthIndex.of(List.of(value("2026-11-01", "sales_revenue", 50),
				value("2026-11-02", "orders", 4), value("2026-11-03", "sales_revenue", 60),
				value("2026-11-03", "orders", 6)), CATALOG, day("2026-11-01"), day("2026-11-03"));

		assertThat(lines.outcomes()).containsExactly(100.0, 100.0, 135.0);
		assertThat(lines.audience()).containsOnlyNulls().hasSize(3);
	}

	@Test
	void indexesFromTheFirstPositiveValueAndLeavesOutSignedScoresAndUnknownMetrics() {
		// leads 0 cannot be a base; it becomes 100 at 4 on day 2. nps is a signed score and "mystery" is not in
		// the catalog: neither counts.
		BrandSeries.IndexedGrowth lines = GrowthIndex.of(List.of(value("2026-11-01", "leads", 0),
				value("2026-11-02", "leads", 4), value("2026-11-01", "nps", 10), value("2026-11-02", "nps", 20),
				value("2026-11-01", "mystery", 5), value("2026-11-02", "mystery", 10)), CATALOG, day("2026-11-01"),
				day("2026-11-02"));

		assertThat(lines.outcomes()).containsExactly(null, 100.0);
		assertThat(lines.audience()).containsExactly(null, null);
	}

	private static MetricValue value(String date, String metric, double value) {
		return new MetricValue("acme", day(date), metric, value);
	}

	private static LocalDate day(String date) {
		return LocalDate.parse(date);
	}

}
