package io.brandsignal.dashboard.series;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.MetricValue;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.RollupStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class SeriesServiceTests {

	private static final LocalDate DAY = LocalDate.parse("2026-11-20");

	private static final DateRange RANGE = new DateRange(DAY, DAY);

	private final RollupStore rollups = mock(RollupStore.class);

	private final SeriesService service = new SeriesService(this.rollups, mock(Brands.class), MetricCatalog.defaults(),
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

	private static DashboardProperties defaults() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("brandsignal.dashboard",
				DashboardProperties.class);
	}

}
