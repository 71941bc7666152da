package io.brandsignal.contract.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.brandsignal.contract.catalog.CatalogProperties;
import io.brandsignal.contract.config.KnownEnvironmentVariables.Setting;
import io.brandsignal.contract.topic.TopicProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownEnvironmentVariablesTests {

	private final KnownEnvironmentVariables known = KnownEnvironmentVariables.of(List.of(
			new Setting("brandsignal.topics", TopicProperties.class),
			new Setting("brandsignal.catalog", CatalogProperties.class),
			new Setting("brandsignal.example", ExampleProperties.class)));

	@Test
	void knowsTheRelaxedFormOfEachSetting() {
		assertThat(unknownOf("BRANDSIGNAL_TOPICS_PARTITIONS", "BRANDSIGNAL_TOPICS_REPLICATIONFACTOR",
				"BRANDSIGNAL_EXAMPLE_TIMEOUT", "BRANDSIGNAL_EXAMPLE_NESTED_MAXBRANDS")).isEmpty();
	}

	@Test
	void reportsTheTopicVariablesComposeUsedToReadAndOtherMisspellings() {
		assertThat(unknownOf("BRANDSIGNAL_TOPIC_PARTITIONS", "BRANDSIGNAL_TOPIC_REPLICATION_FACTOR",
				"BRANDSIGNAL_TOPICS_REPLICATION_FACTOR", "BRANDSIGNAL_TOPICS", "BRANDSIGNAL_EXAMPLE_NESTED"))
			.containsExactly("BRANDSIGNAL_EXAMPLE_NESTED", "BRANDSIGNAL_TOPICS", "BRANDSIGNAL_TOPICS_REPLICATION_FACTOR",
					"BRANDSIGNAL_TOPIC_PARTITIONS", "BRANDSIGNAL_TOPIC_REPLICATION_FACTOR");
	}

	@Test
	void knowsTheFieldsOfListItemsByIndex() {
		assertThat(unknownOf("BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_0_NAME", "BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_12_MAX",
				"BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_0_NAMES", "BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_FIRST_NAME",
				"BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_0"))
			.containsExactly("BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_0", "BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_0_NAMES",
					"BRANDSIGNAL_CATALOG_ADDITIONALMETRICS_FIRST_NAME");
	}

	@Test
	void knowsListsOfValuesWholeOrByIndexAndMapsByAnyKey() {
		assertThat(unknownOf("BRANDSIGNAL_EXAMPLE_KEYS_0_BRANDS", "BRANDSIGNAL_EXAMPLE_KEYS_0_BRANDS_3",
				"BRANDSIGNAL_EXAMPLE_KEYS_1_NAME", "BRANDSIGNAL_EXAMPLE_LABELS_TEAM", "BRANDSIGNAL_EXAMPLE_LABELS"))
			.containsExactly("BRANDSIGNAL_EXAMPLE_LABELS");
	}

	@Test
	void leavesVariablesOutsideBrandsignalAlone() {
		assertThat(unknownOf("INGEST_API_KEY_SHA256", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "PATH", "brandsignal_topics"))
			.isEmpty();
	}

	private List<String> unknownOf(String... names) {
		Map<String, String> environment = List.of(names)
			.stream()
			.collect(Collectors.toMap(Function.identity(), (name) -> "1"));
		return this.known.unknown(environment);
	}

	record ExampleProperties(List<Key> keys, Map<String, String> labels, Duration timeout, Nested nested) {

		record Key(String name, List<String> brands) {
		}

		record Nested(int maxBrands) {
		}

	}

}
