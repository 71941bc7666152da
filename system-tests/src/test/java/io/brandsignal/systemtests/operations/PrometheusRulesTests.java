package io.brandsignal.systemtests.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.brandsignal.systemtests.operations.RepositoryFiles.cast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack's Prometheus configuration and alert rules, checked with Debian's {@code promtool}
 * as CI runs it: valid, unit-tested ({@code alerts.test.yml}), and written so an operator can act on
 * every alert.
 */
class PrometheusRulesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void configIsValidAndLoadsTheAlertRules() {
		CommandLine.Result result = promtool("check", "config", "prometheus.yml");
		assertThat(result.exitCode()).as(result.describe()).isZero();
		assertThat(result.output()).contains("1 rule files found");
	}

	@Test
	void alertRulesAreValid() {
		CommandLine.Result result = promtool("check", "rules", "alerts.yml");
		assertThat(result.exitCode()).as(result.describe()).isZero();
	}

	@Test
	void alertRulesFireOnTheSeriesTheyAreWrittenFor() {
		CommandLine.Result result = promtool("test", "rules", "alerts.test.yml");
		assertThat(result.exitCode()).as(result.describe()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void scrapesTheActuatorEndpointOfEachServiceOnItsManagementPort() {
		List<Map<String, Object>> jobs = cast(RepositoryFiles.yaml(RepositoryFiles.prometheusConfig()).get("scrape_configs"));
		Map<String, Map<String, Object>> byName = jobs.stream()
			.collect(Collectors.toMap((job) -> String.valueOf(job.get("job_name")), (job) -> job));
		// docker-compose.yml moves every actuator to MANAGEMENT_SERVER_PORT 9000, published nowhere.
		Map<String, Integer> ports = Map.of("ingest-service", 9000, "scoring-service", 9000, "dashboard-service", 9000);
		ports.forEach((service, port) -> {
			Map<String, Object> job = byName.get(service);
			assertThat(job).as("scrape job " + service).isNotNull().containsEntry("metrics_path", "/actuator/prometheus");
			List<Map<String, Object>> discovery = cast(job.get("dns_sd_configs"));
			assertThat(discovery).singleElement().satisfies((dns) -> {
				assertThat(dns).containsEntry("names", List.of(service)).containsEntry("port", port);
			});
		});
	}

	@Test
	void everyAlertWaitsBeforeFiringAndSaysHowSevereItIsAndWhatToDo() {
		List<Map<String, Object>> rules = alertRules();
		assertThat(rules).isNotEmpty();
		for (Map<String, Object> rule : rules) {
			String name = String.valueOf(rule.get("alert"));
			assertThat(rule).as(name).containsKey("for");
			Map<String, Object> labels = cast(rule.get("labels"));
			assertThat(labels).as(name + " labels").isNotNull();
			assertThat(String.valueOf(labels.get("severity"))).as(name + " severity").isIn("critical", "warning", "info");
			Map<String, Object> annotations = cast(rule.get("annotations"));
			assertThat(annotations).as(name + " annotations").isNotNull().containsKeys("summary", "description");
		}
	}

	@Test
	void alertsOnWhatTheIssueAsksFor() {
		Set<String> names = alertRules().stream().map((rule) -> String.valueOf(rule.get("alert"))).collect(Collectors.toSet());
		assertThat(names).contains("BrandsignalServiceDown", "BrandsignalIngestServerErrors",
				"BrandsignalIngestRejectionRatioHigh", "BrandsignalConsumerLagGrowing", "BrandsignalDeadLetterRecords",
				"BrandsignalBrandEnteredVanityTrap");
		assertThat(expression("BrandsignalServiceDown")).contains("up{").contains("== 0");
		assertThat(expression("BrandsignalDeadLetterRecords")).contains("increase(brandsignal_deadletter_records_total[5m])");
		assertThat(expression("BrandsignalBrandEnteredVanityTrap"))
			.contains("brandsignal_brands_by_verdict{verdict=\"VANITY_TRAP\"}");
	}

	/** Every alerting rule in {@code deploy/prometheus/alerts.yml}. */
	static List<Map<String, Object>> alertRules() {
		List<Map<String, Object>> groups = cast(RepositoryFiles.yaml(RepositoryFiles.alertRules()).get("groups"));
		return groups.stream()
			.flatMap((group) -> RepositoryFiles.<List<Map<String, Object>>>cast(group.get("rules")).stream())
			.filter((rule) -> rule.containsKey("alert"))
			.toList();
	}

	private static String expression(String alert) {
		return alertRules().stream()
			.filter((rule) -> alert.equals(rule.get("alert")))
			.map((rule) -> String.valueOf(rule.get("expr")))
			.findFirst()
			.orElseThrow();
	}

	private static CommandLine.Result promtool(String... arguments) {
		String[] command = new String[arguments.length + 1];
		command[0] = "promtool";
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		return CommandLine.run(RepositoryFiles.prometheusConfig().getParent(), TIMEOUT, command);
	}

}
