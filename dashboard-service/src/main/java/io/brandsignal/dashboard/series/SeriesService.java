package io.brandsignal.dashboard.series;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.MetricValue;
import io.brandsignal.dashboard.readmodel.ReadCache;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.RollupStore;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A brand's daily values over a date range, per metric and as indexed growth lines.
 */
@Service
public class SeriesService {

	/** Series kept over all brands: a long range is large (thousands of formatted numbers). */
	private static final int MAX_CACHED = 128;

	/** Ranges kept per brand: a page's presets and the default, the newest first. */
	private static final int RANGES_PER_BRAND = 4;

	private static final int MAX_BRANDS = 1000;

	private final RollupStore rollups;

	private final Brands brands;

	private final MetricCatalog catalog;

	private final DashboardProperties.Series settings;

	private final JsonMapper json;

	private final ReadCache<String, KeptSeries> kept = ReadCache.weighed(MAX_CACHED, KeptSeries::size);

	private final ReadCache<String, LocalDate> latestDays = ReadCache.bounded(MAX_BRANDS);

	public SeriesService(RollupStore rollups, Brands brands, MetricCatalog catalog, DashboardProperties properties,
			JsonMapper json) {
		this.rollups = rollups;
		this.json = json;
		this.brands = brands;
		this.catalog = catalog;
		this.settings = properties.series();
	}

	/**
	 * The range a request asks for: {@code from} and {@code to} as given, a missing {@code to} being the
	 * brand's latest day and a missing {@code from} making the range {@code days} (default: the configured
	 * number) long.
	 * @throws io.brandsignal.dashboard.brand.BrandNotFoundException for an unknown brand
	 * @throws InvalidRangeException for malformed, reversed or too long ranges
	 */
	public DateRange range(String brand, String from, String to, String days) {
		Optional<LocalDate> latest = latestDay(brand);
		if (latest.isEmpty() && !this.brands.exists(brand)) {
			throw Brands.unknown(brand);
		}
		return DateRange.parse(from, to, () -> latest.orElseGet(() -> LocalDate.now(ZoneOffset.UTC)),
				length(days), this.settings.maxDays());
	}

	/**
	 * The brand's latest day, kept like the series (every series request without {@code to} needs it);
	 * only known brands are kept, so requests for made-up names cannot fill the memory.
	 */
	private Optional<LocalDate> latestDay(String brand) {
		return Optional.ofNullable(this.latestDays.get(brand, (name) -> this.rollups.latestDay(name).orElse(null)));
	}

	private int length(String days) {
		if (days == null || days.isBlank()) {
			return this.settings.defaultDays();
		}
		try {
			int length = Integer.parseInt(days.trim());
			if (length >= 1 && length <= this.settings.maxDays()) {
				return length;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidRangeException("'days' must be a whole number from 1 to " + this.settings.maxDays() + ".");
	}

	/**
	 * The brand's series over the range. Series are read far more often than a brand's days change, so
	 * the last ones asked for are kept until a change of the brand's rollups makes them stale.
	 */
	public BrandSeries series(String brand, DateRange range) {
		return cached(brand, range).series();
	}

	/**
	 * The brand's series over the range as JSON, kept like {@link #series} so that a repeated request
	 * costs neither the database nor serialization (formatting thousands of numbers is most of the work
	 * of a long range).
	 */
	public byte[] seriesJson(String brand, DateRange range) {
		return cached(brand, range).json();
	}

	private Cached cached(String brand, DateRange range) {
		return this.kept.get(brand, (series) -> series.find(range) != null, (series) -> {
			BrandSeries read = read(brand, range);
			return KeptSeries.with(series, new Cached(range, read, this.json.writeValueAsBytes(read)));
		}).find(range);
	}

	@EventListener
	void onRollupChanged(RollupChanged changed) {
		this.kept.evict(changed.brand());
		this.latestDays.evict(changed.brand());
	}

	private BrandSeries read(String brand, DateRange range) {
		List<MetricValue> values = this.rollups.values(brand, range.from(), range.to());
		Map<String, Double[]> columns = GrowthIndex.columns(values, range.from(), range.to());
		List<BrandSeries.MetricSeries> metrics = new ArrayList<>();
		columns.forEach((metric, column) -> {
			Optional<MetricDefinition> definition = this.catalog.find(metric);
			metrics.add(new BrandSeries.MetricSeries(metric,
					definition.map(MetricDefinition::category).orElse(null),
					definition.map(MetricDefinition::tier).orElse(null),
					definition.map(MetricDefinition::kind).orElse(null),
					definition.map(MetricDefinition::unit).orElse("count"), Arrays.asList(column)));
		});
		metrics.sort(Comparator.comparingInt(this::catalogPosition).thenComparing(BrandSeries.MetricSeries::metric));
		int days = (int) range.days();
		List<LocalDate> dates = new ArrayList<>(days);
		for (int day = 0; day < days; day++) {
			dates.add(range.from().plusDays(day));
		}
		return new BrandSeries(brand, range.from(), range.to(), dates, List.copyOf(metrics),
				GrowthIndex.of(columns, this.catalog, days));
	}

	private int catalogPosition(BrandSeries.MetricSeries series) {
		int position = 0;
		for (MetricDefinition definition : this.catalog.metrics()) {
			if (definition.name().equals(series.metric())) {
				return position;
			}
			position++;
		}
		return Integer.MAX_VALUE;
	}

	private record Cached(DateRange range, BrandSeries series, byte[] json) {
	}

	/** A brand's series of the ranges last asked for, the newest first. */
	private record KeptSeries(List<Cached> ranges) {

		static KeptSeries with(KeptSeries kept, Cached added) {
			List<Cached> ranges = new ArrayList<>(RANGES_PER_BRAND);
			ranges.add(added);
			if (kept != null) {
				kept.ranges().stream()
					.filter((other) -> !other.range().equals(added.range()))
					.limit(RANGES_PER_BRAND - 1)
					.forEach(ranges::add);
			}
			return new KeptSeries(List.copyOf(ranges));
		}

		Cached find(DateRange range) {
			for (Cached cached : this.ranges) {
				if (cached.range().equals(range)) {
					return cached;
				}
			}
			return null;
		}

		int size() {
			return this.ranges.size();
		}

	}

}
