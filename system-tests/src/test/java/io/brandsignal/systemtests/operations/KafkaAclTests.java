package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.brandsignal.contract.topic.Topic;
import io.brandsignal.contract.topic.Topics;
import org.junit.jupiter.api.Test;

import static io.brandsignal.systemtests.operations.RepositoryFiles.cast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka ACLs of the compose stack (issue 12, finding 5): {@code deploy/kafka/setup-kafka.sh} grants
 * exactly what each service needs, worked out here from what the services do, with the names the
 * services really use (topics from the contract, ingest's transactional-id prefix, scoring's application
 * id, the dashboard's group prefix), and docs/operations.md lists the same set.
 */
class KafkaAclTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void grantsEachServiceExactlyWhatItNeeds() {
		assertThat(grantedBySetupScript()).containsExactlyInAnyOrderElementsOf(needed());
	}

	@Test
	void documentsTheSameAcls() {
		String docs = RepositoryFiles.read(RepositoryFiles.file("docs/operations.md"));
		Matcher row = Pattern.compile("(?m)^\\| `(ingest|scoring|dashboard)` \\| (Topic|Group|TransactionalId) \\| "
				+ "(literal|prefixed) \\| `([^`]+)` \\| ([A-Za-z, ]+) \\|").matcher(docs);
		Set<String> documented = new HashSet<>();
		while (row.find()) {
			for (String operation : row.group(5).split(",\\s*")) {
				documented.add(acl(row.group(1), operation, row.group(2), row.group(3).toUpperCase(), row.group(4)));
			}
		}
		assertThat(documented).containsExactlyInAnyOrderElementsOf(needed());
	}

	@Test
	void composeLeavesTheIdsTheAclsNameAtTheirDefaults() {
		String compose = RepositoryFiles.read(RepositoryFiles.composeFile());
		assertThat(compose).doesNotContain("TRANSACTIONALIDPREFIX").doesNotContain("GROUPIDPREFIX")
			.doesNotContain("APPLICATIONID").doesNotContain("APPLICATION_ID");
	}

	/** What the services do, as ACLs, one line per operation. */
	private static Set<String> needed() {
		Set<String> acls = new HashSet<>();
		// Every service provisions every missing brandsignal topic at start-up (TopicProvisioningConfiguration).
		for (String user : List.of("ingest", "scoring", "dashboard")) {
			for (Topic<?> topic : Topics.all()) {
				acls.add(acl(user, "Create", "Topic", "LITERAL", topic.name()));
				acls.add(acl(user, "Describe", "Topic", "LITERAL", topic.name()));
			}
		}
		// ingest: transactional producers writing observations, an idempotent one writing campaigns.
		acls.add(acl("ingest", "Write", "Topic", "LITERAL", Topics.OBSERVATIONS.name()));
		acls.add(acl("ingest", "Write", "Topic", "LITERAL", Topics.CAMPAIGNS.name()));
		String transactionalIds = defaultOf("ingest-service", "PublisherProperties.java", "transactionalIdPrefix") + "-";
		acls.add(acl("ingest", "Write", "TransactionalId", "PREFIXED", transactionalIds));
		acls.add(acl("ingest", "Describe", "TransactionalId", "PREFIXED", transactionalIds));

		// scoring: Kafka Streams reading observations and campaigns, writing scorecards, rollups, campaign results
		// and its dead letters.
		acls.add(acl("scoring", "Read", "Topic", "LITERAL", Topics.OBSERVATIONS.name()));
		acls.add(acl("scoring", "Read", "Topic", "LITERAL", Topics.CAMPAIGNS.name()));
		for (Topic<?> output : List.of(Topics.SCORECARDS, Topics.DAILY_ROLLUPS, Topics.CAMPAIGN_RESULTS,
				Topics.OBSERVATIONS_DEAD_LETTER)) {
			acls.add(acl("scoring", "Write", "Topic", "LITERAL", output.name()));
		}
		String applicationId = scoringApplicationId();
		for (String operation : List.of("Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write")) {
			acls.add(acl("scoring", operation, "Topic", "PREFIXED", applicationId + "-"));
		}
		acls.add(acl("scoring", "Read", "Group", "LITERAL", applicationId));
		acls.add(acl("scoring", "Describe", "Group", "LITERAL", applicationId));
		acls.add(acl("scoring", "Write", "TransactionalId", "PREFIXED", applicationId + "-"));
		acls.add(acl("scoring", "Describe", "TransactionalId", "PREFIXED", applicationId + "-"));

		// dashboard: reads scorecards and rollups in a group of its own per instance, writes its dead letters.
		acls.add(acl("dashboard", "Read", "Topic", "LITERAL", Topics.SCORECARDS.name()));
		acls.add(acl("dashboard", "Read", "Topic", "LITERAL", Topics.DAILY_ROLLUPS.name()));
		// campaigns: their definitions and results, and the campaign form's idempotent producer
		acls.add(acl("dashboard", "Read", "Topic", "LITERAL", Topics.CAMPAIGNS.name()));
		acls.add(acl("dashboard", "Read", "Topic", "LITERAL", Topics.CAMPAIGN_RESULTS.name()));
		acls.add(acl("dashboard", "Write", "Topic", "LITERAL", Topics.CAMPAIGNS.name()));
		acls.add(acl("dashboard", "Write", "Topic", "LITERAL", Topics.DASHBOARD_DEAD_LETTER.name()));
		String groups = dashboardGroupIdPrefix();
		acls.add(acl("dashboard", "Read", "Group", "PREFIXED", groups));
		acls.add(acl("dashboard", "Describe", "Group", "PREFIXED", groups));
		return acls;
	}

	private static List<String> grantedBySetupScript() {
		CommandLine.Result result = CommandLine.run(RepositoryFiles.root(), TIMEOUT,
				Map.of("KAFKA_SETUP_DRY_RUN", "true", "KAFKA_ACLS_FILE", "deploy/kafka/acls.conf"), "bash",
				"deploy/kafka/setup-kafka.sh");
		assertThat(result.exitCode()).as(result.describe()).isZero();
		return result.output().lines().toList();
	}

	private static String acl(String user, String operation, String resourceType, String patternType, String name) {
		return "User:" + user + " " + operation + " " + resourceType + " " + patternType + " " + name;
	}

	/** The {@code @DefaultValue} of a record component in a service's sources (the value a service runs with). */
	private static String defaultOf(String module, String fileName, String component) {
		String source;
		try (Stream<Path> files = Files.walk(RepositoryFiles.root().resolve(module + "/src/main/java"))) {
			source = RepositoryFiles.read(files.filter((file) -> file.getFileName().toString().equals(fileName))
				.findFirst()
				.orElseThrow());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher value = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s*String " + component + "\\b").matcher(source);
		assertThat(value.find()).as("%s's default in %s", component, fileName).isTrue();
		return value.group(1);
	}

	/**
	 * The fixed part of the dashboard's consumer group ({@code spring.kafka.consumer.group-id}, a prefix and
	 * a random suffix per instance), up to and including the dash before the suffix.
	 */
	private static String dashboardGroupIdPrefix() {
		String groupId = applicationSetting("dashboard-service", "spring", "kafka", "consumer", "group-id");
		assertThat(groupId).as("the dashboard's group id keeps a fixed prefix before its random suffix")
			.contains("${random.uuid}");
		return groupId.substring(0, groupId.indexOf("${random.uuid}"));
	}

	private static String scoringApplicationId() {
		return applicationSetting("scoring-service", "spring", "kafka", "streams", "application-id");
	}

	/** A setting of a service's {@code application.yml}, by its path of keys. */
	private static String applicationSetting(String module, String... path) {
		Map<String, Object> node = RepositoryFiles
			.yaml(RepositoryFiles.file(module + "/src/main/resources/application.yml"));
		for (int i = 0; i < path.length - 1; i++) {
			node = cast(node.get(path[i]));
		}
		return String.valueOf(node.get(path[path.length - 1]));
	}

}
