package io.brandsignal.dashboard.series;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.MetricValue;
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

	private static final int MAX_CACHED = 128;

	private static final int MAX_BRANDS = 1000;

	private final RollupStore rollups;

	private final Brands brands;

	private final MetricCatalog catalog;

	private final DashboardProperties.Series settings;

	private final JsonMapper json;

	private final Map<CacheKey, Cached> cache = new ConcurrentHashMap<>();

	private final Map<String, LatestDay> latestDays = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

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
		long generation = generation(brand);
		LatestDay kept = this.latestDays.get(brand);
		if (kept != null && kept.generation() == generation) {
			return Optional.of(kept.day());
		}
		Optional<LocalDate> latest = this.rollups.latestDay(brand);
		latest.ifPresent((day) -> {
			if (this.latestDays.size() >= MAX_BRANDS) {
				this.latestDays.clear();
			}
			this.latestDays.put(brand, new LatestDay(generation, day));
		});
		return latest;
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
		long generation = generation(brand);
		CacheKey key = new CacheKey(brand, range);
		Cached cached = this.cache.get(key);
		if (cached != null && cached.generation() == generation) {
			return cached;
		}
		BrandSeries series = read(brand, range);
		Cached fresh = new Cached(generation, series, this.json.writeValueAsBytes(series));
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		this.cache.put(key, fresh);
		return fresh;
	}

	@EventListener
	void onRollupChanged(RollupChanged changed) {
		this.generations.computeIfAbsent(changed.brand(), (key) -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * How often the brand's rollups changed in this instance; read before the database, so that a
	 * change stored meanwhile makes what was read stale.
	 */
	private long generation(String brand) {
		AtomicLong generation = this.generations.get(brand);
		return (generation != null) ? generation.get() : 0;
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

	private record CacheKey(String brand, DateRange range) {
	}

	private record Cached(long generation, BrandSeries series, byte[] json) {
	}

	private record LatestDay(long generation, LocalDate day) {
	}

}
