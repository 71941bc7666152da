package io.brandsignal.dashboard.series;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.brand.BrandNotFoundException;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.MetricValue;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.RollupStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class SeriesServiceTests {

	private static final LocalDate DAY = LocalDate.parse("2026-11-20");

	private static final DateRange RANGE = new DateRange(DAY, DAY);

	private final RollupStore rollups = mock(RollupStore.class);

	private final Brands brands = mock(Brands.class);

	private final SeriesService service = new SeriesService(this.rollups, this.brands, MetricCatalog.defaults(),
			defaults(), JsonMapper.builder().build());

	@Test
	void servesARepeatedRequestWithoutReadingTheDatabaseAgain() {
		given(this.rollups.values("acme", DAY, DAY)).willReturn(List.of(new MetricValue("acme", DAY, "followers", 10)));

		BrandSeries first = this.service.series("acme", RANGE);
		BrandSeries second = this.service.series("acme", RANGE);

		assertThat(second).isSameAs(first);
		assertThat(new String(this.service.seriesJson("acme", RANGE), StandardCharsets.UTF_8))
			.contains("\"values\":[10.0]");
		verify(this.rollups, times(1)).values("acme", DAY, DAY);
	}

	@Test
	void keepsSeveralRangesOfABrandAndEvictsThemAllWhenItsRollupsChange() {
		DateRange week = new DateRange(DAY.minusDays(6), DAY);
		given(this.rollups.values("acme", DAY, DAY)).willReturn(List.of(new MetricValue("acme", DAY, "followers", 10)));
		given(this.rollups.values("acme", DAY.minusDays(6), DAY))
			.willReturn(List.of(new MetricValue("acme", DAY, "followers", 10)));

		this.service.series("acme", RANGE);
		this.service.series("acme", week);
		this.service.series("acme", RANGE);
		this.service.series("acme", week);
		this.service.onRollupChanged(new RollupChanged("acme", DAY));
		this.service.series("acme", RANGE);
		this.service.series("acme", week);

		verify(this.rollups, times(2)).values("acme", DAY, DAY);
		verify(this.rollups, times(2)).values("acme", DAY.minusDays(6), DAY);
	}

	@Test
	void readsAgainOnceTheBrandsRollupsChanged() {
		given(this.rollups.values("acme", DAY, DAY)).willReturn(List.of(new MetricValue("acme", DAY, "followers", 10)),
				List.of(new MetricValue("acme", DAY, "followers", 12)));
		this.service.series("acme", RANGE);

		this.service.onRollupChanged(new RollupChanged("other", DAY));
		this.service.series("acme", RANGE);
		this.service.onRollupChanged(new RollupChanged("acme", DAY));
		BrandSeries fresh = this.service.series("acme", RANGE);

		assertThat(fresh.metrics().get(0).values()).containsExactly(12.0);
		verify(this.rollups, times(2)).values("acme", DAY, DAY);
	}

	@Test
	void keepsTheBrandsLatestDayUntilItsRollupsChange() {
		given(this.rollups.latestDay("acme")).willReturn(Optional.of(DAY), Optional.of(DAY.plusDays(1)));

		assertThat(this.service.range("acme", null, null, null).to()).isEqualTo(DAY);
		assertThat(this.service.range("acme", null, null, null).to()).isEqualTo(DAY);
		this.service.onRollupChanged(new RollupChanged("acme", DAY.plusDays(1)));

		assertThat(this.service.range("acme", null, null, null).to()).isEqualTo(DAY.plusDays(1));
		verify(this.rollups, times(2)).latestDay("acme");
	}

	@Test
	void findsABrandWhoseFirstDataArrivesAfterItWasAskedFor() {
		given(this.rollups.latestDay("newcomer")).willReturn(Optional.empty(), Optional.of(DAY));

		assertThatExceptionOfType(BrandNotFoundException.class)
			.isThrownBy(() -> this.service.range("newcomer", null, null, null));

		assertThat(this.service.range("newcomer", null, null, "7"))
			.isEqualTo(new DateRange(DAY.minusDays(6), DAY));
	}

	private static DashboardProperties defaults() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("brandsignal.dashboard",
				DashboardProperties.class);
	}

}
