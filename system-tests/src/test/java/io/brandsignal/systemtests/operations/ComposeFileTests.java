package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.brandsignal.localinfra.InfrastructureVersions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.brandsignal.systemtests.operations.RepositoryFiles.cast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production {@code docker-compose.yml}, checked with Debian's {@code docker-compose} the way CI
 * runs it (no Docker engine needed): it is valid with the committed {@code .env.example}, it refuses to
 * start without each secret, and the wiring operators rely on (healthchecks, start order, listeners,
 * volumes) is in place.
 */
class ComposeFileTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Set<String> SERVICES = Set.of("kafka", "postgres", "ingest-service", "scoring-service",
			"dashboard-service", "prometheus", "grafana");

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	static void resolveComposeFile() {
		CommandLine.Result config = compose(RepositoryFiles.envExample(), "config");
		assertThat(config.exitCode()).as(config.describe()).isZero();
		services = cast(RepositoryFiles.yaml(config.output()).get("services"));
	}

	@Test
	void isValidWithTheCommittedEnvExample() {
		CommandLine.Result result = compose(RepositoryFiles.envExample(), "config", "-q");
		assertThat(result.exitCode()).as(result.describe()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "POSTGRES_PASSWORD", "INGEST_API_KEY_SHA256", "DASHBOARD_USER",
			"DASHBOARD_PASSWORD_BCRYPT", "GRAFANA_ADMIN_PASSWORD" })
	void refusesToStartWithoutASecret(String variable, @TempDir Path folder) throws IOException {
		Path envFile = folder.resolve("without-" + variable + ".env");
		Files.write(envFile, Files.readAllLines(RepositoryFiles.envExample())
			.stream()
			.filter((line) -> !line.startsWith(variable + "="))
			.toList());

		CommandLine.Result result = compose(envFile, "config", "-q");

		assertThat(result.exitCode()).as(result.describe()).isNotZero();
		assertThat(result.output()).contains(variable);
	}

	@Test
	void commitsNoUsableSecretInTheEnvExample() {
		Map<String, String> values = envExampleValues();
		assertThat(values).containsKeys("POSTGRES_PASSWORD", "INGEST_API_KEY_SHA256", "DASHBOARD_PASSWORD_BCRYPT",
				"GRAFANA_ADMIN_PASSWORD");
		// Placeholders only: not a 64-digit SHA-256 and not a bcrypt hash, so no key or login works from it.
		assertThat(values.get("INGEST_API_KEY_SHA256")).doesNotMatch("[0-9a-fA-F]{64}").startsWith("CHANGE_ME");
		assertThat(values.get("DASHBOARD_PASSWORD_BCRYPT")).doesNotStartWith("$2").contains("CHANGE_ME");
		assertThat(values.get("POSTGRES_PASSWORD")).startsWith("CHANGE_ME");
		assertThat(values.get("GRAFANA_ADMIN_PASSWORD")).startsWith("CHANGE_ME");
		assertThat(RepositoryFiles.read(RepositoryFiles.root().resolve(".gitignore")).lines())
			.as(".env must stay out of git").contains(".env");
	}

	@Test
	void runsKafkaPostgresTheThreeServicesPrometheusAndGrafana() {
		assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
		assertThat(image("kafka")).startsWith("apache/kafka:");
		assertThat(image("postgres")).startsWith("postgres:");
		assertThat(image("prometheus")).startsWith("prom/prometheus:");
		assertThat(image("grafana")).startsWith("grafana/grafana:");
		for (String service : List.of("ingest-service", "scoring-service", "dashboard-service")) {
			Map<String, Object> build = cast(services.get(service).get("build"));
			assertThat(build).as(service + " build").containsEntry("dockerfile", "deploy/service.Dockerfile");
			assertThat(RepositoryFiles.<Map<String, Object>>cast(build.get("args"))).containsEntry("SERVICE", service);
		}
	}

	@Test
	void runsTheKafkaAndPostgresVersionsTheLauncherAndTestsRun() {
		InfrastructureVersions versions = InfrastructureVersions.current();
		assertThat(image("kafka")).isEqualTo(versions.kafkaImage());
		assertThat(image("postgres")).isEqualTo("postgres:" + versions.postgresqlMajor());
	}

	@Test
	void everyContainerHasAHealthcheckAndStartsOnlyAfterWhatItNeedsIsHealthy() {
		for (String service : SERVICES) {
			Map<String, Object> healthcheck = cast(services.get(service).get("healthcheck"));
			assertThat(healthcheck).as(service + " healthcheck").isNotNull().containsKey("test");
			Object dependsOn = services.get(service).get("depends_on");
			if (dependsOn != null) {
				Map<String, Map<String, Object>> dependencies = cast(dependsOn);
				dependencies.forEach((dependency, condition) -> assertThat(condition)
					.as(service + " depends on " + dependency)
					.containsEntry("condition", "service_healthy"));
			}
		}
		assertThat(dependencies("ingest-service")).containsExactly("kafka");
		assertThat(dependencies("scoring-service")).containsExactly("kafka");
		assertThat(dependencies("dashboard-service")).containsExactlyInAnyOrder("kafka", "postgres");
		assertThat(dependencies("prometheus")).as("Prometheus must run while services are down").isEmpty();
	}

	@Test
	void servicesReachKafkaOnTheInternalListenerTheHealthcheckProbes() {
		Map<String, Object> kafka = environment("kafka");
		Matcher internal = Pattern.compile("INTERNAL://([^,]+)")
			.matcher(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS")));
		assertThat(internal.find()).as("an INTERNAL advertised listener").isTrue();
		String internalAddress = internal.group(1);
		assertThat(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS"))).contains("EXTERNAL://");
		assertThat(String.valueOf(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))).contains("INTERNAL:", "EXTERNAL:");

		assertThat(healthcheckCommand("kafka")).contains("kafka-broker-api-versions.sh")
			.contains("--bootstrap-server " + internalAddress);
		for (String service : List.of("ingest-service", "scoring-service", "dashboard-service")) {
			assertThat(environment(service)).as(service)
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", internalAddress);
		}
	}

	@Test
	void configuresTheServicesThroughSpringEnvironmentVariables() {
		assertThat(environment("ingest-service")).containsKeys("BRANDSIGNAL_INGEST_APIKEYS_0_NAME",
				"BRANDSIGNAL_INGEST_APIKEYS_0_SHA256", "BRANDSIGNAL_INGEST_APIKEYS_0_BRANDS",
				"BRANDSIGNAL_TOPICS_REPLICATIONFACTOR");
		assertThat(environment("dashboard-service")).containsKeys("SPRING_DATASOURCE_URL",
				"SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "BRANDSIGNAL_DASHBOARD_USERS_0_USERNAME",
				"BRANDSIGNAL_DASHBOARD_USERS_0_PASSWORDBCRYPT");
		assertThat(String.valueOf(environment("dashboard-service").get("SPRING_DATASOURCE_URL")))
			.startsWith("jdbc:postgresql://postgres:5432/");
		assertThat(environment("scoring-service")).containsKey("SPRING_KAFKA_STREAMS_STATEDIR");
	}

	@Test
	void passesEachBrandsignalVariableOfTheEnvFileOnUnderItsOwnName() {
		// Services warn about BRANDSIGNAL_* variables they do not bind, so the name is kept for their settings:
		// compose hands such a value on unchanged and names its own values otherwise.
		Pattern reference = Pattern.compile("\\$\\{(BRANDSIGNAL_[A-Z0-9_]+)");
		List<String> passedOn = new ArrayList<>();
		for (String line : RepositoryFiles.read(RepositoryFiles.root().resolve("docker-compose.yml")).lines().toList()) {
			Matcher variable = reference.matcher(line);
			if (variable.find()) {
				assertThat(line.strip()).startsWith(variable.group(1) + ": ${" + variable.group(1));
				passedOn.add(variable.group(1));
			}
		}
		Matcher offered = Pattern.compile("(?m)^#?(BRANDSIGNAL_[A-Z0-9_]+)=")
			.matcher(RepositoryFiles.read(RepositoryFiles.envExample()));
		List<String> inEnvExample = new ArrayList<>();
		while (offered.find()) {
			inEnvExample.add(offered.group(1));
		}
		assertThat(passedOn).containsExactlyInAnyOrder("BRANDSIGNAL_TOPICS_PARTITIONS",
				"BRANDSIGNAL_TOPICS_REPLICATIONFACTOR");
		assertThat(inEnvExample).containsExactlyInAnyOrderElementsOf(passedOn);
	}

	@Test
	void keepsKafkaPostgresAndScoringStateOnNamedVolumes() {
		Map<String, Object> volumes = cast(RepositoryFiles.yaml(compose(RepositoryFiles.envExample(), "config")
			.output()).get("volumes"));
		assertThat(volumeMounts("kafka")).containsEntry(String.valueOf(environment("kafka").get("KAFKA_LOG_DIRS")),
				"kafka-data");
		assertThat(volumeMounts("postgres")).containsEntry("/var/lib/postgresql/data", "postgres-data");
		assertThat(volumeMounts("scoring-service")).containsEntry(
				String.valueOf(environment("scoring-service").get("SPRING_KAFKA_STREAMS_STATEDIR")), "scoring-state");
		assertThat(volumes).containsKeys("kafka-data", "postgres-data", "scoring-state");
	}

	private static CommandLine.Result compose(Path envFile, String... arguments) {
		List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml",
				"--env-file", envFile.toAbsolutePath().toString()));
		command.addAll(List.of(arguments));
		return CommandLine.run(RepositoryFiles.root(), TIMEOUT, command.toArray(String[]::new));
	}

	private static Map<String, String> envExampleValues() {
		try {
			return Files.readAllLines(RepositoryFiles.envExample())
				.stream()
				.filter((line) -> line.matches("[A-Z][A-Z0-9_]*=.*"))
				.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
						(line) -> line.substring(line.indexOf('=') + 1).replaceAll("^'|'$", "")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String image(String service) {
		return String.valueOf(services.get(service).get("image"));
	}

	private static Set<String> dependencies(String service) {
		Map<String, Object> dependsOn = cast(services.get(service).get("depends_on"));
		return (dependsOn != null) ? dependsOn.keySet() : Set.of();
	}

	private static Map<String, Object> environment(String service) {
		return cast(services.get(service).get("environment"));
	}

	private static String healthcheckCommand(String service) {
		Map<String, Object> healthcheck = cast(services.get(service).get("healthcheck"));
		return String.join(" ", RepositoryFiles.<List<String>>cast(healthcheck.get("test")));
	}

	/** Container path to volume name, for named volumes in short ({@code name:/path[:mode]}) or long syntax. */
	private static Map<String, String> volumeMounts(String service) {
		List<Object> volumes = cast(services.get(service).get("volumes"));
		Map<String, String> mounts = new HashMap<>();
		for (Object volume : volumes) {
			if (volume instanceof Map<?, ?> mount) {
				if ("volume".equals(mount.get("type"))) {
					mounts.put(String.valueOf(mount.get("target")), String.valueOf(mount.get("source")));
				}
			}
			else {
				String[] parts = String.valueOf(volume).split(":");
				if (!parts[0].startsWith("/") && !parts[0].startsWith(".")) {
					mounts.put(parts[1], parts[0]);
				}
			}
		}
		return mounts;
	}

}
