package io.brandsignal.contract.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One metric the product understands: its name, which side of the vanity-versus-outcome question it
 * belongs to, and the range of values that make sense for it.
 *
 * @param name the metric's identifier on the wire, a lowercase slug such as {@code followers}
 * @param tier the AMEC stage the metric measures; it also fixes the category
 * @param kind whether the metric is a stock ({@link MetricKind#LEVEL}) or a daily amount
 * @param min the smallest valid value, inclusive
 * @param max the largest valid value, inclusive ({@link Double#POSITIVE_INFINITY} for unbounded)
 * @param unit a short human-readable unit for charts and docs ({@code count}, {@code percent}, ...)
 */
public record MetricDefinition(String name, MetricTier tier, MetricKind kind, double min, double max, String unit) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	public MetricDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(tier, "tier");
		Objects.requireNonNull(kind, "kind");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Metric name '" + name + "' must match " + NAME.pattern());
		}
		if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
			throw new IllegalArgumentException("Metric '" + name + "' has an empty range [" + min + ", " + max + "]");
		}
		unit = (unit == null || unit.isBlank()) ? "count" : unit;
	}

	/** The vanity or outcome side this metric is counted on. */
	public MetricCategory category() {
		return this.tier.category();
	}

	/** Whether the value is a finite number inside this metric's range. */
	public boolean accepts(double value) {
		return Double.isFinite(value) && value >= this.min && value <= this.max;
	}

	/** The valid range in words, for error messages and docs. */
	public String describeRange() {
		if (this.max == Double.POSITIVE_INFINITY) {
			return ">= " + format(this.min);
		}
		return format(this.min) + ".." + format(this.max);
	}

	private static String format(double bound) {
		return (bound == Math.rint(bound)) ? Long.toString((long) bound) : Double.toString(bound);
	}

}
