package io.brandsignal.contract.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics every service understands: the defaults of the design plus any an operator adds in
 * configuration. Immutable; one instance per service, built by {@link MetricCatalogConfiguration}.
 */
public final class MetricCatalog {

	private static final double UNBOUNDED = Double.POSITIVE_INFINITY;

	private final Map<String, MetricDefinition> byName;

	private final List<MetricDefinition> ordered;

	private MetricCatalog(Map<String, MetricDefinition> byName) {
		this.byName = Map.copyOf(byName);
		this.ordered = List.copyOf(byName.values());
	}

	/** The default catalog of the design, in its documented order. */
	public static MetricCatalog defaults() {
		return of(defaultMetrics());
	}

	/** A catalog of exactly these metrics; names must be unique. */
	public static MetricCatalog of(Collection<MetricDefinition> metrics) {
		Map<String, MetricDefinition> byName = new LinkedHashMap<>();
		for (MetricDefinition metric : metrics) {
			if (byName.putIfAbsent(metric.name(), metric) != null) {
				throw new IllegalArgumentException("Metric '" + metric.name() + "' is defined twice");
			}
		}
		return new MetricCatalog(byName);
	}

	/**
	 * This catalog with more metrics added; an added metric may not redefine an existing one, so every
	 * service reads a known metric the same way.
	 */
	public MetricCatalog withAdditional(Collection<MetricDefinition> additional) {
		List<MetricDefinition> all = new ArrayList<>(this.ordered);
		all.addAll(additional);
		return of(all);
	}

	public Optional<MetricDefinition> find(String name) {
		return Optional.ofNullable((name != null) ? this.byName.get(name) : null);
	}

	/** Every metric, in catalog order. */
	public List<MetricDefinition> metrics() {
		return this.ordered;
	}

	private static List<MetricDefinition> defaultMetrics() {
		return List.of(
				new MetricDefinition("followers", MetricTier.OUTPUT, MetricKind.LEVEL, 0, UNBOUNDED, "count"),
				new MetricDefinition("fans", MetricTier.OUTPUT, MetricKind.LEVEL, 0, UNBOUNDED, "count"),
				new MetricDefinition("subscribers", MetricTier.OUTPUT, MetricKind.LEVEL, 0, UNBOUNDED, "count"),
				new MetricDefinition("impressions", MetricTier.OUTPUT, MetricKind.FLOW, 0, UNBOUNDED, "count"),
				new MetricDefinition("reach", MetricTier.OUTPUT, MetricKind.FLOW, 0, UNBOUNDED, "count"),
				new MetricDefinition("views", MetricTier.OUTPUT, MetricKind.FLOW, 0, UNBOUNDED, "count"),
				new MetricDefinition("likes", MetricTier.OUTTAKE, MetricKind.FLOW, 0, UNBOUNDED, "count"),
				new MetricDefinition("engagements", MetricTier.OUTTAKE, MetricKind.FLOW, 0, UNBOUNDED, "count"),
				new MetricDefinition("brand_awareness", MetricTier.OUTCOME, MetricKind.LEVEL, 0, 100, "percent"),
				new MetricDefinition("brand_consideration", MetricTier.OUTCOME, MetricKind.LEVEL, 0, 100, "percent"),
				new MetricDefinition("purchase_intent", MetricTier.OUTCOME, MetricKind.LEVEL, 0, 100, "percent"),
				new MetricDefinition("share_of_voice", MetricTier.OUTCOME, MetricKind.LEVEL, 0, 100, "percent"),
				new MetricDefinition("customer_retention", MetricTier.OUTCOME, MetricKind.LEVEL, 0, 100, "percent"),
				new MetricDefinition("nps", MetricTier.OUTCOME, MetricKind.LEVEL, -100, 100, "score"),
				new MetricDefinition("sentiment", MetricTier.OUTCOME, MetricKind.LEVEL, -1, 1, "score"),
				new MetricDefinition("sales_revenue", MetricTier.IMPACT, MetricKind.FLOW, 0, UNBOUNDED, "currency"),
				new MetricDefinition("orders", MetricTier.IMPACT, MetricKind.FLOW, 0, UNBOUNDED, "count"),
				new MetricDefinition("conversions", MetricTier.IMPACT, MetricKind.FLOW, 0, UNBOUNDED, "count"),
				new MetricDefinition("leads", MetricTier.IMPACT, MetricKind.FLOW, 0, UNBOUNDED, "count"));
	}

}
