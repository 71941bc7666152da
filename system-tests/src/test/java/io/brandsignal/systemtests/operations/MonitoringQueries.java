package io.brandsignal.systemtests.operations;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Every PromQL expression an operator sees: the Grafana dashboards' panel queries and the alert rules,
 * each under a readable name ({@code operations.json / Consumer lag / A}, {@code alert BrandsignalServiceDown}).
 */
final class MonitoringQueries {

	private MonitoringQueries() {
	}

	/** Panel queries of every provisioned dashboard, in file and panel order. */
	static Map<String, String> dashboards() {
		Map<String, String> expressions = new LinkedHashMap<>();
		for (Path file : RepositoryFiles.grafanaDashboards()) {
			collectPanels(file.getFileName().toString(), RepositoryFiles.json(file).path("panels"), expressions);
		}
		return expressions;
	}

	/** Queries of the panels of one dashboard file. */
	static Map<String, String> dashboard(String fileName) {
		Map<String, String> expressions = new LinkedHashMap<>();
		collectPanels(fileName,
				RepositoryFiles.json(RepositoryFiles.file("deploy/grafana/dashboards/" + fileName)).path("panels"),
				expressions);
		return expressions;
	}

	/** The expression of every alert rule. */
	static Map<String, String> alerts() {
		Map<String, String> expressions = new LinkedHashMap<>();
		for (Map<String, Object> rule : PrometheusRulesTests.alertRules()) {
			expressions.put("alert " + rule.get("alert"), String.valueOf(rule.get("expr")));
		}
		return expressions;
	}

	/** Metric names used anywhere, minus the series Prometheus creates itself. */
	static Set<String> exportedMetricNamesUsed() {
		Set<String> names = new TreeSet<>();
		dashboards().values().forEach((expression) -> names.addAll(PromQl.metricNames(expression)));
		alerts().values().forEach((expression) -> names.addAll(PromQl.metricNames(expression)));
		names.removeAll(PromQl.PROMETHEUS_SERIES);
		return names;
	}

	private static void collectPanels(String dashboard, JsonNode panels, Map<String, String> expressions) {
		for (JsonNode panel : panels) {
			// Collapsed rows keep their panels inside the row.
			collectPanels(dashboard, panel.path("panels"), expressions);
			for (JsonNode target : panel.path("targets")) {
				expressions.put(dashboard + " / " + panel.path("title").asString() + " / " + target.path("refId").asString(),
						target.path("expr").asString());
			}
		}
	}

}
