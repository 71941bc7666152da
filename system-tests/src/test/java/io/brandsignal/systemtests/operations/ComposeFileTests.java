package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * start without each secret, the wiring operators rely on (healthchecks, start order, listeners,
 * volumes) is in place, and it is locked down (issue 12): only the proxy publishes ports, actuators sit on
 * an unpublished management port, Kafka clients authenticate, the dashboard is no database superuser,
 * and every container is hardened.
 */
class ComposeFileTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** Containers that keep running. */
	private static final Set<String> SERVICES = Set.of("proxy", "kafka", "postgres", "ingest-service",
			"scoring-service", "dashboard-service", "prometheus", "grafana");

	/** Containers that run to completion on every start; the others wait for them. */
	private static final Set<String> ONE_SHOTS = Set.of("check-configuration", "proxy-certificate", "kafka-setup");

	private static final List<String> SPRING_SERVICES = List.of("ingest-service", "scoring-service",
			"dashboard-service");

	private static final String MANAGEMENT_PORT = "9000";

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
	@ValueSource(strings = { "POSTGRES_PASSWORD", "POSTGRES_APP_PASSWORD", "INGEST_API_KEY_SHA256",
			"INGEST_API_KEY_BRANDS", "DASHBOARD_USER", "DASHBOARD_USER_BRANDS", "DASHBOARD_PASSWORD_BCRYPT",
			"GRAFANA_ADMIN_PASSWORD",
			"KAFKA_ADMIN_PASSWORD", "KAFKA_INGEST_PASSWORD", "KAFKA_SCORING_PASSWORD", "KAFKA_DASHBOARD_PASSWORD" })
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
		assertThat(values).containsKeys("POSTGRES_PASSWORD", "POSTGRES_APP_PASSWORD", "INGEST_API_KEY_SHA256",
				"DASHBOARD_PASSWORD_BCRYPT", "GRAFANA_ADMIN_PASSWORD", "KAFKA_ADMIN_PASSWORD", "KAFKA_INGEST_PASSWORD",
				"KAFKA_SCORING_PASSWORD", "KAFKA_DASHBOARD_PASSWORD");
		// Placeholders only: not a 64-digit SHA-256 and not a bcrypt hash, so no key or login works from it.
		assertThat(values.get("INGEST_API_KEY_SHA256")).doesNotMatch("[0-9a-fA-F]{64}").startsWith("CHANGE_ME");
		assertThat(values.get("DASHBOARD_PASSWORD_BCRYPT")).doesNotStartWith("$2").contains("CHANGE_ME");
		assertThat(values.get("POSTGRES_PASSWORD")).startsWith("CHANGE_ME");
		assertThat(values.get("GRAFANA_ADMIN_PASSWORD")).startsWith("CHANGE_ME");
		values.forEach((name, value) -> {
			if (name.endsWith("_PASSWORD")) {
				assertThat(value).as(name).startsWith("CHANGE_ME");
			}
		});
		assertThat(RepositoryFiles.read(RepositoryFiles.root().resolve(".gitignore")).lines())
			.as(".env must stay out of git").contains(".env");
	}

	@Test
	void runsTheProxyKafkaPostgresTheThreeServicesPrometheusAndGrafana() {
		Set<String> all = new HashSet<>(SERVICES);
		all.addAll(ONE_SHOTS);
		assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(all);
		assertThat(image("proxy")).startsWith("nginx:");
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
		// The image is pinned to the minor release of the embedded binaries (17.10.0 -> postgres:17.10).
		String postgresql = versions.postgresql();
		assertThat(image("postgres")).isEqualTo("postgres:" + postgresql.substring(0, postgresql.lastIndexOf('.')))
			.startsWith("postgres:" + versions.postgresqlMajor() + ".");
	}

	@Test
	void pinsEveryImageToAFullVersion() {
		// Tags with full versions (not digests): no latest, no bare major like postgres:17.
		Pattern pinned = Pattern.compile("[a-z0-9./-]+:v?\\d+\\.\\d+(\\.\\d+)?(_\\d+)?(-[a-z0-9.]+)?");
		services.forEach((name, service) -> {
			if (service.containsKey("build")) {
				return; // built here from deploy/service.Dockerfile, whose base images ServiceDockerfileTests pins
			}
			assertThat(image(name)).as(name).matches(pinned);
		});
	}

	@Test
	void publishesNoPortButTheProxysHttpsAndRedirect() {
		services.forEach((name, service) -> {
			if (!name.equals("proxy")) {
				assertThat(service.get("ports")).as(name + " publishes no port").isNull();
			}
		});
		List<Map<String, Object>> ports = cast(services.get("proxy").get("ports"));
		assertThat(ports).extracting((port) -> String.valueOf(port.get("published")) + "->" + port.get("target"))
			.containsExactlyInAnyOrder("443->8443", "80->8080");
	}

	@Test
	void hardensEveryContainer() {
		services.forEach((name, service) -> {
			assertThat(service.get("read_only")).as(name + " read_only").isEqualTo(true);
			assertThat(service.get("cap_drop")).as(name + " cap_drop").isEqualTo(List.of("ALL"));
			assertThat(service.get("cap_add")).as(name + " adds no capability back").isNull();
			assertThat(service.get("privileged")).as(name + " privileged").isNull();
			assertThat(RepositoryFiles.<List<String>>cast(service.get("security_opt"))).as(name + " security_opt")
				.contains("no-new-privileges:true");
			assertThat(String.valueOf(service.get("mem_limit"))).as(name + " mem_limit").matches("\\d+[kmg]");
		});
	}

	@Test
	void servesEveryActuatorOnlyOnTheUnpublishedManagementPortPrometheusScrapes() {
		List<Map<String, Object>> jobs = cast(RepositoryFiles.yaml(RepositoryFiles.prometheusConfig()).get("scrape_configs"));
		for (String service : SPRING_SERVICES) {
			assertThat(environment(service)).as(service).containsEntry("MANAGEMENT_SERVER_PORT", MANAGEMENT_PORT);
			assertThat(healthcheckCommand(service)).as(service)
				.contains("http://localhost:" + MANAGEMENT_PORT + "/actuator/health/readiness");
			Map<String, Object> job = jobs.stream()
				.filter((candidate) -> service.equals(candidate.get("job_name")))
				.findFirst()
				.orElseThrow();
			List<Map<String, Object>> discovery = cast(job.get("dns_sd_configs"));
			assertThat(discovery).singleElement()
				.satisfies((dns) -> assertThat(String.valueOf(dns.get("port"))).isEqualTo(MANAGEMENT_PORT));
		}
		assertThat(RepositoryFiles.<List<String>>cast(services.get("prometheus").get("command")))
			.as("no unauthenticated reload and shutdown API")
			.noneMatch((argument) -> argument.contains("web.enable-lifecycle"));
	}

	@Test
	void servicesTrustTheProxysForwardedHeadersAndSendSessionCookiesOverHttpsOnly() {
		for (String service : SPRING_SERVICES) {
			assertThat(environment(service)).as(service).containsEntry("SERVER_FORWARDHEADERSSTRATEGY", "framework");
		}
		assertThat(environment("dashboard-service")).containsEntry("SERVER_SERVLET_SESSION_COOKIE_SECURE", "true")
			.containsEntry("SERVER_SERVLET_SESSION_COOKIE_HTTPONLY", "true")
			.containsEntry("SERVER_SERVLET_SESSION_COOKIE_SAMESITE", "lax");
		assertThat(environment("grafana")).containsEntry("GF_SECURITY_COOKIE_SECURE", "true")
			.containsEntry("GF_SERVER_SERVE_FROM_SUB_PATH", "true");
		assertThat(String.valueOf(environment("grafana").get("GF_SERVER_ROOT_URL"))).startsWith("https://")
			.endsWith("/grafana/");
	}

	@Test
	void eachServiceLogsIntoKafkaAsItsOwnScramUser() {
		for (String service : SPRING_SERVICES) {
			String user = service.substring(0, service.indexOf('-'));
			assertThat(environment(service)).as(service)
				.containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
				.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
			assertThat(String.valueOf(environment(service).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))).as(service)
				.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
				.contains("username=\"" + user + "\"")
				.contains("password=\"CHANGE_ME_kafka_" + user + "_password\"")
				.endsWith(";");
		}
	}

	@Test
	void givesTheSuperuserPasswordOnlyToPostgresAndTheCheck(@TempDir Path folder) throws IOException {
		String superuserPassword = "superuser-password-0123456789";
		Path envFile = folder.resolve("distinct.env");
		Files.write(envFile, Files.readAllLines(RepositoryFiles.envExample())
			.stream()
			.map((line) -> line.startsWith("POSTGRES_PASSWORD=") ? "POSTGRES_PASSWORD=" + superuserPassword : line)
			.toList());
		Map<String, Map<String, Object>> resolved = cast(
				RepositoryFiles.yaml(compose(envFile, "config").output()).get("services"));

		resolved.forEach((name, service) -> {
			boolean holdsIt = String.valueOf(service.get("environment")).contains(superuserPassword);
			assertThat(holdsIt).as(name + " sees the superuser password").isEqualTo(Set.of("postgres",
					"check-configuration").contains(name));
		});
		Map<String, Object> dashboard = cast(resolved.get("dashboard-service").get("environment"));
		Map<String, Object> postgres = cast(resolved.get("postgres").get("environment"));
		assertThat(dashboard.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_APP_USER"))
			.isNotEqualTo(postgres.get("POSTGRES_USER"));
	}

	@Test
	void passesEverySecretComposeRequiresToTheConfigurationCheck() {
		Matcher required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?")
			.matcher(RepositoryFiles.read(RepositoryFiles.composeFile()));
		Set<String> requiredVariables = new TreeSet<>();
		while (required.find()) {
			requiredVariables.add(required.group(1));
		}
		assertThat(requiredVariables).contains("POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "INGEST_API_KEY_BRANDS");
		assertThat(environment("check-configuration")).containsKeys(requiredVariables.toArray(String[]::new));
		assertThat(String.valueOf(services.get("check-configuration").get("entrypoint")))
			.contains("check-configuration.sh");
	}

	@Test
	void everyContainerHasAHealthcheckAndStartsOnlyAfterWhatItNeedsIsHealthyOrDone() {
		services.forEach((service, definition) -> {
			if (SERVICES.contains(service)) {
				Map<String, Object> healthcheck = cast(definition.get("healthcheck"));
				assertThat(healthcheck).as(service + " healthcheck").isNotNull().containsKey("test");
			}
			else {
				assertThat(definition.get("restart")).as(service + " runs once").isEqualTo("no");
			}
			Map<String, Map<String, Object>> dependencies = cast(definition.get("depends_on"));
			if (!service.equals("check-configuration")) {
				assertThat(dependencies).as(service + " waits for the configuration check").isNotNull();
			}
			if (dependencies != null) {
				dependencies.forEach((dependency, condition) -> assertThat(condition)
					.as(service + " depends on " + dependency)
					.containsEntry("condition", ONE_SHOTS.contains(dependency) ? "service_completed_successfully"
							: "service_healthy"));
			}
		});
		assertThat(dependencies("check-configuration")).isEmpty();
		assertThat(dependencies("proxy")).containsExactly("proxy-certificate");
		assertThat(dependencies("kafka-setup")).containsExactly("kafka");
		assertThat(dependencies("ingest-service")).containsExactlyInAnyOrder("check-configuration", "kafka-setup");
		assertThat(dependencies("scoring-service")).containsExactlyInAnyOrder("check-configuration", "kafka-setup");
		assertThat(dependencies("dashboard-service")).containsExactlyInAnyOrder("check-configuration", "kafka-setup",
				"postgres");
		assertThat(dependencies("prometheus")).as("Prometheus must run while services are down")
			.containsExactly("check-configuration");
	}

	@Test
	void servicesReachKafkaOnTheAuthenticatedInternalListenerTheHealthcheckProbes() {
		String startScript = RepositoryFiles.read(RepositoryFiles.file("deploy/kafka/start-kafka.sh"));
		Matcher internal = Pattern.compile("(?m)^advertised\\.listeners=INTERNAL://([^,\\s]+)$").matcher(startScript);
		assertThat(internal.find()).as("the only advertised listener is INTERNAL").isTrue();
		String internalAddress = internal.group(1);
		assertThat(startScript).contains("listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
			.contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.contains("super.users=User:admin\n")
			.contains("allow.everyone.if.no.acl.found=false")
			.doesNotContain("PLAINTEXT://")
			.doesNotContain("EXTERNAL");

		assertThat(healthcheckCommand("kafka")).contains("kafka-broker-api-versions.sh")
			.contains("--bootstrap-server " + internalAddress)
			.contains("--command-config /tmp/admin.properties");
		assertThat(environment("kafka-setup")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", internalAddress);
		for (String service : SPRING_SERVICES) {
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
		assertThat(RepositoryFiles.read(RepositoryFiles.file("deploy/kafka/start-kafka.sh")))
			.contains("data=/var/lib/kafka/data").contains("log.dirs=${data}");
		assertThat(volumeMounts("kafka")).containsEntry("/var/lib/kafka/data", "kafka-data");
		assertThat(volumeMounts("postgres")).containsEntry("/var/lib/postgresql/data", "postgres-data");
		assertThat(volumeMounts("scoring-service")).containsEntry(
				String.valueOf(environment("scoring-service").get("SPRING_KAFKA_STREAMS_STATEDIR")), "scoring-state");
		assertThat(volumes).containsKeys("kafka-data", "postgres-data", "scoring-state");
	}

	static CommandLine.Result compose(Path envFile, String... arguments) {
		List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml",
				"--env-file", envFile.toAbsolutePath().toString()));
		command.addAll(List.of(arguments));
		return CommandLine.run(RepositoryFiles.root(), TIMEOUT, command.toArray(String[]::new));
	}

	static Map<String, String> envExampleValues() {
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
