package io.brandsignal.systemtests.operations;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metric names a PromQL expression selects, so dashboards and alert rules can be checked
 * against what the services really export. Good enough for the expressions an operator writes by hand:
 * label matchers, ranges, grouping clauses, strings and Grafana variables are removed first; what is
 * left and is neither a function, an aggregation, a keyword nor a number is a metric name.
 */
final class PromQl {

	private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("(?i)\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{?\\w+}?");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[A-Za-z_:][\\w:]*");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "bool", "atan2", "inf", "nan");

	/** Names Prometheus itself creates for every target or rule, not exported by any service. */
	static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
			"scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

	private PromQl() {
	}

	/** The metric names {@code expression} selects, sorted. */
	static Set<String> metricNames(String expression) {
		String rest = STRINGS.matcher(expression).replaceAll(" ");
		rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
		rest = RANGES.matcher(rest).replaceAll(" ");
		rest = GROUPING.matcher(rest).replaceAll(" ");
		rest = GRAFANA_VARIABLES.matcher(rest).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			String name = identifier.group();
			boolean isCall = rest.substring(identifier.end()).stripLeading().startsWith("(");
			if (!isCall && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * {@code expression} with Grafana's variables replaced by values Prometheus accepts, so the query can
	 * be checked as plain PromQL.
	 */
	static String withGrafanaVariablesResolved(String expression) {
		return expression.replace("$__rate_interval", "1m")
			.replace("$__interval", "1m")
			.replace("$__range", "1h")
			.replaceAll("\\$\\{?\\w+}?", ".*");
	}

}
