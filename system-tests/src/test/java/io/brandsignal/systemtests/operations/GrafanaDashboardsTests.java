package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.brandsignal.systemtests.operations.RepositoryFiles.cast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisioned Grafana dashboards: they parse, every panel queries the provisioned Prometheus with
 * valid PromQL, and they show what operators and marketers were promised. (That each metric they use is
 * really exported is checked against the running services in {@link ExportedMetricsIntegrationTests}.)
 */
class GrafanaDashboardsTests {

	private static final String PROVISIONED_DATASOURCE_UID = "brandsignal-prometheus";

	@Test
	void provisionsAnOperationsAndABusinessDashboardWithDistinctUids() {
		List<Path> files = RepositoryFiles.grafanaDashboards();
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrder("operations.json", "business.json");
		Set<String> uids = new HashSet<>();
		for (Path file : files) {
			JsonNode dashboard = RepositoryFiles.json(file);
			assertThat(dashboard.path("title").asString()).as(file + " title").isNotBlank();
			assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid is unique").isTrue();
			assertThat(dashboard.path("panels").size()).as(file + " panels").isPositive();
		}
	}

	@Test
	void everyPanelQueriesTheProvisionedPrometheus() {
		Map<String, Object> datasources = RepositoryFiles
			.yaml(RepositoryFiles.file("deploy/grafana/provisioning/datasources/prometheus.yml"));
		List<Map<String, Object>> provisioned = cast(datasources.get("datasources"));
		assertThat(provisioned).singleElement().satisfies((datasource) -> assertThat(datasource)
			.containsEntry("uid", PROVISIONED_DATASOURCE_UID)
			.containsEntry("type", "prometheus")
			.containsEntry("url", "http://prometheus:9090"));

		for (Path file : RepositoryFiles.grafanaDashboards()) {
			JsonNode dashboard = RepositoryFiles.json(file);
			JsonNode variable = dashboard.path("templating").path("list").get(0);
			assertThat(variable.path("type").asString()).isEqualTo("datasource");
			assertThat(variable.path("current").path("value").asString()).isEqualTo(PROVISIONED_DATASOURCE_UID);
			for (JsonNode panel : dashboard.path("panels")) {
				if (!panel.path("type").asString().equals("row")) {
					assertThat(panel.path("datasource").path("uid").asString())
						.as(file.getFileName() + " / " + panel.path("title").asString())
						.isEqualTo("${datasource}");
					assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
				}
			}
		}
	}

	@Test
	void grafanaLoadsTheDashboardsFromTheFolderComposeMounts() {
		Map<String, Object> providers = RepositoryFiles
			.yaml(RepositoryFiles.file("deploy/grafana/provisioning/dashboards/brandsignal.yml"));
		List<Map<String, Object>> list = cast(providers.get("providers"));
		Map<String, Object> options = cast(list.get(0).get("options"));
		String path = String.valueOf(options.get("path"));

		Map<String, Object> compose = RepositoryFiles.yaml(RepositoryFiles.composeFile());
		Map<String, Object> grafana = cast(RepositoryFiles.<Map<String, Object>>cast(compose.get("services")).get("grafana"));
		assertThat(RepositoryFiles.<List<String>>cast(grafana.get("volumes")))
			.contains("./deploy/grafana/dashboards:" + path + ":ro")
			.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
	}

	@Test
	void everyQueryIsValidPromQl(@TempDir Path folder) throws IOException {
		Map<String, String> expressions = MonitoringQueries.dashboards();
		assertThat(expressions).isNotEmpty().allSatisfy((panel, expression) -> assertThat(expression).as(panel).isNotBlank());
		// promtool parses every expression of a rules file, so each query becomes a recording rule.
		List<String> rules = new ArrayList<>(List.of("groups:", "  - name: grafana-queries", "    rules:"));
		List<String> panels = new ArrayList<>();
		expressions.forEach((panel, expression) -> {
			rules.add("      - record: grafana_query_" + panels.size());
			rules.add("        expr: '" + PromQl.withGrafanaVariablesResolved(expression).replace("'", "''") + "'");
			panels.add("grafana_query_" + panels.size() + " = " + panel);
		});
		Path rulesFile = Files.write(folder.resolve("grafana-queries.yml"), rules);

		CommandLine.Result result = CommandLine.run(folder, Duration.ofSeconds(60), "promtool", "check", "rules",
				rulesFile.toString());

		assertThat(result.exitCode()).as("%s%nwhere %s", result.describe(), String.join("\n", panels)).isZero();
		assertThat(result.output()).contains(expressions.size() + " rules found");
	}

	@Test
	void operationsDashboardShowsTrafficRejectionsLatencyLagStreamsDeadLettersAndJvm() {
		String queries = String.join("\n", MonitoringQueries.dashboard("operations.json").values());
		assertThat(queries).contains("rate(brandsignal_ingest_observations_accepted_total")
			.contains("sum by (reason) (rate(brandsignal_ingest_batches_rejected_total")
			.contains("histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{application=\"ingest-service\"")
			.contains("histogram_quantile(0.99, sum by (le) (rate(brandsignal_ingest_publish_seconds_bucket")
			.contains("kafka_consumer_fetch_manager_records_lag_max")
			.contains("kafka_stream_thread_process_rate")
			.contains("brandsignal_deadletter_records_total")
			.contains("jvm_memory_used_bytes");
	}

	@Test
	void businessDashboardShowsVerdictsScoresPerBrandAndObservationsPerTier() {
		String queries = String.join("\n", MonitoringQueries.dashboard("business.json").values());
		assertThat(queries).contains("max by (verdict) (brandsignal_brands_by_verdict)")
			.contains("max by (brand) (brandsignal_brand_vanity_index{brand=~\"$brand\"})")
			.contains("max by (brand) (brandsignal_brand_impact_score{brand=~\"$brand\"})")
			.contains("sum by (tier) (increase(brandsignal_ingest_observations_accepted_total")
			.contains("sum by (verdict) (increase(brandsignal_scoring_campaign_results_total[$__range]))");
	}

}
