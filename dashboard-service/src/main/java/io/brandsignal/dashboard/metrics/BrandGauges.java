package io.brandsignal.dashboard.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import io.brandsignal.dashboard.readmodel.ScorecardStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The business gauges operators chart next to the technical ones: each brand's vanity index and impact
 * score ({@code brandsignal.brand.vanity.index}, {@code brandsignal.brand.impact.score}, tag
 * {@code brand}, for at most {@code brandsignal.dashboard.metrics.max-brands} brands by name, bounding
 * the number of series) and the number of brands per verdict ({@code brandsignal.brands.by.verdict}, tag
 * {@code verdict}, every verdict, 0 when none). Re-read from the read model on every scorecard change
 * and periodically, so an instance that missed nothing and one that just started agree.
 */
@Component
class BrandGauges implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(BrandGauges.class);

	private static final Duration COALESCE = Duration.ofMillis(500);

	private final ScorecardStore scorecards;

	private final int maxBrands;

	private final MultiGauge vanityIndex;

	private final MultiGauge impactScore;

	private final Map<Verdict, AtomicLong> byVerdict = new EnumMap<>(Verdict.class);

	private final ScheduledFuture<?> refresh;

	private final TaskScheduler scheduler;

	private final AtomicBoolean refreshPending = new AtomicBoolean();

	BrandGauges(ScorecardStore scorecards, MeterRegistry meters, DashboardProperties properties,
			TaskScheduler scheduler) {
		this.scorecards = scorecards;
		this.maxBrands = properties.metrics().maxBrands();
		this.vanityIndex = MultiGauge.builder("brandsignal.brand.vanity.index")
			.description("0-100: how much of the brand's growth is audience without outcome")
			.register(meters);
		this.impactScore = MultiGauge.builder("brandsignal.brand.impact.score")
			.description("0-100: the brand's outcome growth and its link to the audience")
			.register(meters);
		for (Verdict verdict : Verdict.values()) {
			AtomicLong count = new AtomicLong();
			this.byVerdict.put(verdict, count);
			Gauge.builder("brandsignal.brands.by.verdict", count, AtomicLong::get)
				.description("Brands whose latest scorecard has this verdict")
				.tag("verdict", verdict.name())
				.register(meters);
		}
		this.scheduler = scheduler;
		this.refresh = scheduler.scheduleWithFixedDelay(this::refreshQuietly, properties.metrics().refreshInterval());
	}

	@EventListener(ApplicationReadyEvent.class)
	void refresh() {
		List<ScorecardStore.BrandIndices> indices = this.scorecards.indices(this.maxBrands);
		this.vanityIndex.register(indices.stream()
			.map((brand) -> MultiGauge.Row.of(Tags.of("brand", brand.brand()), brand.vanityIndex()))
			.toList(), true);
		this.impactScore.register(indices.stream()
			.map((brand) -> MultiGauge.Row.of(Tags.of("brand", brand.brand()), brand.impactScore()))
			.toList(), true);
		this.scorecards.countByVerdict().forEach((verdict, count) -> this.byVerdict.get(verdict).set(count));
	}

	/**
	 * Refreshes soon after a change, off the Kafka consumer's thread; a burst of changes (a replay, a
	 * backfill) costs one refresh, not one per scorecard.
	 */
	@EventListener(ScorecardChanged.class)
	void scheduleRefresh() {
		if (this.refreshPending.compareAndSet(false, true)) {
			this.scheduler.schedule(() -> {
				this.refreshPending.set(false);
				refreshQuietly();
			}, Instant.now().plus(COALESCE));
		}
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not refresh the brand gauges from the read model: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.refresh.cancel(false);
	}

}
