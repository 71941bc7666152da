package io.brandsignal.contract.catalog;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Metrics an operator adds to the default catalog, under {@code brandsignal.catalog}. Every service
 * reads the same keys, so set them once for the whole deployment.
 *
 * @param additionalMetrics metrics beyond the defaults; names must not clash with a default metric
 */
@ConfigurationProperties("brandsignal.catalog")
public record CatalogProperties(@DefaultValue List<AdditionalMetric> additionalMetrics) {

	/**
	 * One operator-defined metric.
	 *
	 * @param name lowercase identifier used on the wire
	 * @param tier AMEC stage; decides whether it counts as vanity or outcome
	 * @param kind {@code LEVEL} (a stock) or {@code FLOW} (an amount per day)
	 * @param min smallest valid value, inclusive (default 0)
	 * @param max largest valid value, inclusive (default unbounded)
	 * @param unit unit shown in charts and docs (default {@code count})
	 */
	public record AdditionalMetric(String name, MetricTier tier, MetricKind kind, @DefaultValue("0") double min,
			@DefaultValue("Infinity") double max, @DefaultValue("count") String unit) {

		MetricDefinition toDefinition() {
			return new MetricDefinition(this.name, this.tier, this.kind, this.min, this.max, this.unit);
		}

	}

	/** The catalog every service of this deployment uses: the defaults plus the additions. */
	public MetricCatalog catalog() {
		return MetricCatalog.defaults()
			.withAdditional(this.additionalMetrics.stream().map(AdditionalMetric::toDefinition).toList());
	}

}
