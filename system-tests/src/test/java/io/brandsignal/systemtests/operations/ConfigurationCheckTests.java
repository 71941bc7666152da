package io.brandsignal.systemtests.operations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/check-configuration.sh}, which every container of the compose stack waits for, run with
 * {@code sh} the way its busybox container runs it: the committed {@code .env.example} is refused with
 * every placeholder named, and so is each kind of value that would otherwise start the stack insecurely
 * (issue 12, findings 2 and 7).
 */
class ConfigurationCheckTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Values the check accepts, made up by hand: none of them is a placeholder. */
	private static Map<String, String> acceptable() {
		Map<String, String> values = new HashMap<>();
		values.put("POSTGRES_PASSWORD", "kT9vQ2mX7pL4wZ8r");
		values.put("POSTGRES_APP_PASSWORD", "hF3nB6yD1sJ5cV0g");
		values.put("GRAFANA_ADMIN_PASSWORD", "uR8eW2qA5zN7tY4k");
		values.put("KAFKA_ADMIN_PASSWORD", "a1b2c3d4e5f6a7b8c9d0e1f2");
		values.put("KAFKA_INGEST_PASSWORD", "0f1e2d3c4b5a69788796a5b4");
		values.put("KAFKA_SCORING_PASSWORD", "Scoring_password-2026xyz");
		values.put("KAFKA_DASHBOARD_PASSWORD", "dashboard_0123456789abcd");
		// SHA-256 of "key", worked out with: printf %s key | sha256sum
		values.put("INGEST_API_KEY_SHA256", "2c70e12b7a0646f92279f427c7b38e7334d8e5389cff167a1dc30e73f826b683");
		values.put("INGEST_API_KEY_BRANDS", "acme,globex");
		values.put("DASHBOARD_USER", "marketing");
		values.put("DASHBOARD_USER_BRANDS", "acme,@agency-clients");
		values.put("DASHBOARD_PASSWORD_BCRYPT", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy");
		return values;
	}

	@Test
	void acceptsRealValues() {
		CommandLine.Result result = check(acceptable());

		assertThat(result.exitCode()).as(result.describe()).isZero();
	}

	@Test
	void refusesTheCommittedEnvExampleNamingEveryPlaceholder() {
		Map<String, String> values = ComposeFileTests.envExampleValues();

		CommandLine.Result result = check(values);

		assertThat(result.exitCode()).as(result.describe()).isNotZero();
		values.forEach((name, value) -> {
			if (value.contains("CHANGE_ME")) {
				assertThat(result.output()).contains(name + " is still the CHANGE_ME placeholder");
			}
		});
		assertThat(result.output()).contains("POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "KAFKA_ADMIN_PASSWORD");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', value = {
			"POSTGRES_PASSWORD|CHANGE_ME_postgres_password|still the CHANGE_ME placeholder",
			"GRAFANA_ADMIN_PASSWORD|CHANGE_ME_grafana_admin_password|still the CHANGE_ME placeholder",
			"GRAFANA_ADMIN_PASSWORD|admin|shorter than 12 characters",
			"POSTGRES_APP_PASSWORD|''|empty or not set",
			"INGEST_API_KEY_BRANDS|''|empty or not set",
			"INGEST_API_KEY_BRANDS|'acme,,globex'|comma-separated brand slugs without empty entries",
			"DASHBOARD_USER_BRANDS|''|empty or not set",
			"DASHBOARD_USER_BRANDS|'acme,'|without empty entries",
			"INGEST_API_KEY_SHA256|2c70e12b7a0646f9|must be 64 hex digits",
			"DASHBOARD_PASSWORD_BCRYPT|plain-text-password|must be a bcrypt hash",
			"KAFKA_INGEST_PASSWORD|short-1234|must be at least 16 letters",
			"KAFKA_SCORING_PASSWORD|'quote\"in-the-password'|must be at least 16 letters" })
	void refusesAnInsecureOrMalformedValue(String name, String value, String message) {
		Map<String, String> values = acceptable();
		values.put(name, value);

		CommandLine.Result result = check(values);

		assertThat(result.exitCode()).as(result.describe()).isNotZero();
		assertThat(result.output()).contains(name).contains(message)
			.contains("1 problem(s)");
	}

	@Test
	void refusesTheSuperuserPasswordForTheApplicationRole() {
		Map<String, String> values = acceptable();
		values.put("POSTGRES_APP_PASSWORD", values.get("POSTGRES_PASSWORD"));

		CommandLine.Result result = check(values);

		assertThat(result.exitCode()).as(result.describe()).isNotZero();
		assertThat(result.output()).contains("POSTGRES_APP_PASSWORD must differ from POSTGRES_PASSWORD");
	}

	private static CommandLine.Result check(Map<String, String> values) {
		return CommandLine.run(RepositoryFiles.root(), TIMEOUT, values, "sh", "deploy/check-configuration.sh");
	}

}
