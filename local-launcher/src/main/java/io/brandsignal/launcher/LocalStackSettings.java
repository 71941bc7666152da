package io.brandsignal.launcher;

import java.nio.file.Path;

/**
 * Where a local stack keeps its data, where it finds the service jars, and which ports it uses. A port
 * of 0 means any free port (how tests run several stacks without clashing).
 *
 * @param dataDirectory broker logs, database files, scoring state and service logs
 * @param servicesDirectory folder holding {@code ingest-service.jar}, {@code scoring-service.jar} and
 * {@code dashboard-service.jar}
 * @param kafkaPort the broker's client port
 * @param postgresPort PostgreSQL's port
 * @param dashboardPort dashboard-service's HTTP port
 * @param ingestPort ingest-service's HTTP port
 * @param scoringPort scoring-service's HTTP (actuator) port
 * @param credentials the development key and demo login
 */
public record LocalStackSettings(Path dataDirectory, Path servicesDirectory, int kafkaPort, int postgresPort,
		int dashboardPort, int ingestPort, int scoringPort, Credentials credentials) {

	/** The documented defaults: data under {@code ./data}, the usual ports. */
	public static LocalStackSettings defaults(Path servicesDirectory, Credentials credentials) {
		return new LocalStackSettings(Path.of("data"), servicesDirectory, 9092, 15432, 8080, 8081, 8082,
				credentials);
	}

	/** Settings for a throwaway stack on free ports, for tests. */
	public static LocalStackSettings ephemeral(Path dataDirectory, Path servicesDirectory, Credentials credentials) {
		return new LocalStackSettings(dataDirectory, servicesDirectory, 0, 0, 0, 0, 0, credentials);
	}

}
