package io.brandsignal.systemtests.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric-name reader the dashboard and alert checks rely on: if it missed names, those checks could
 * not fail.
 */
class PromQlTests {

	@Test
	void readsTheMetricOfAnAggregatedRateWithGroupingAndMatchers() {
		assertThat(PromQl.metricNames(
				"sum by (reason) (rate(brandsignal_ingest_batches_rejected_total{reason!~\"unauthorized|forbidden\"}[$__rate_interval]))"))
			.containsExactly("brandsignal_ingest_batches_rejected_total");
	}

	@Test
	void readsBothSidesOfARatioAndIgnoresNumbersAndKeywords() {
		assertThat(PromQl.metricNames("""
				sum by (application) (rate(http_server_requests_seconds_count{status=~"5.."}[5m]))
				/ on (application) group_left
				sum by (application) (rate(brandsignal_ingest_batches_rejected_total[5m])) > 0.05
				and max(kafka_consumer_fetch_manager_records_lag_max offset 15m) > 1e3
				"""))
			.containsExactly("brandsignal_ingest_batches_rejected_total", "http_server_requests_seconds_count",
					"kafka_consumer_fetch_manager_records_lag_max");
	}

	@Test
	void readsHistogramBucketsInsideQuantilesAndSelectorsWithoutMatchers() {
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.99, sum(rate(brandsignal_ingest_publish_seconds_bucket[1m])) by (le)) + process_cpu_usage"))
			.containsExactly("brandsignal_ingest_publish_seconds_bucket", "process_cpu_usage");
	}

	@Test
	void ignoresLabelValuesThatLookLikeMetricNamesAndGrafanaVariables() {
		assertThat(PromQl.metricNames(
				"absent(up{job=\"scoring_service_total\"}) or label_replace(brandsignal_brand_vanity_index{brand=~\"$brand\"}, \"x\", \"$1\", \"brand\", \"(.*)\")"))
			.containsExactly("brandsignal_brand_vanity_index", "up");
	}

	@Test
	void resolvesGrafanaVariablesToPlainPromQl() {
		assertThat(PromQl.withGrafanaVariablesResolved(
				"increase(x_total{brand=~\"$brand\"}[$__range]) / rate(x_total[$__rate_interval])"))
			.isEqualTo("increase(x_total{brand=~\".*\"}[1h]) / rate(x_total[1m])");
	}

}
