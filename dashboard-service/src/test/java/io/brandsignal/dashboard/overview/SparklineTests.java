package io.brandsignal.dashboard.overview;

import java.util.List;

import io.brandsignal.dashboard.series.BrandSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTests {

	@Test
	void scalesBothLinesIntoTheBoxWithTheLowestValueAtTheBottom() {
		// Values span 100..150: y = 23 - (v - 100) / 50 * 22, so 100 -> 23, 125 -> 12, 150 -> 1; x steps 0, 50, 100.
		Sparkline sparkline = Sparkline
			.of(new BrandSeries.IndexedGrowth(List.of(100.0, 125.0, 150.0), List.of(100.0, 100.0, 125.0)));

		assertThat(sparkline.audiencePoints()).isEqualTo("0.0,23.0 50.0,12.0 100.0,1.0");
		assertThat(sparkline.outcomePoints()).isEqualTo("0.0,23.0 50.0,23.0 100.0,12.0");
		assertThat(sparkline.description())
			.isEqualTo("Audience from 100 to 150, outcomes from 100 to 125 over the scoring window.");
	}

	@Test
	void saysSoWhenThereIsNoData() {
		Sparkline sparkline = Sparkline
			.of(new BrandSeries.IndexedGrowth(java.util.Arrays.asList((Double) null), java.util.Arrays.asList((Double) null)));

		assertThat(sparkline.audiencePoints()).isEmpty();
		assertThat(sparkline.description()).isEqualTo("No daily data in the scoring window.");
	}

}
