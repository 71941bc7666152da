package io.brandsignal.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * @param bindAddress the address the services and PostgreSQL listen on ({@link #LOOPBACK} unless
 * {@value #BIND_ADDRESS_VARIABLE} says otherwise); the in-process Kafka broker always listens on localhost
 */
public record LocalStackSettings(Path dataDirectory, Path servicesDirectory, int kafkaPort, int postgresPort,
		int dashboardPort, int ingestPort, int scoringPort, Credentials credentials, String bindAddress) {

	/** The environment variable that makes the stack listen on another address than loopback. */
	public static final String BIND_ADDRESS_VARIABLE = "BRANDSIGNAL_LOCAL_BIND_ADDRESS";

	/** Where a development stack listens by default: this machine only (its keys are printed in clear). */
	public static final String LOOPBACK = "127.0.0.1";

	/** The documented defaults: data under {@code ./data}, the usual ports, loopback only. */
	public static LocalStackSettings defaults(Path servicesDirectory, Credentials credentials) {
		return new LocalStackSettings(Path.of("data"), servicesDirectory, 9092, 15432, 8080, 8081, 8082,
				credentials, LOOPBACK);
	}

	/** Settings for a throwaway stack on free ports, for tests. */
	public static LocalStackSettings ephemeral(Path dataDirectory, Path servicesDirectory, Credentials credentials) {
		return new LocalStackSettings(dataDirectory, servicesDirectory, 0, 0, 0, 0, 0, credentials, LOOPBACK);
	}

	/** The same settings listening on the address {@value #BIND_ADDRESS_VARIABLE} names, if set. */
	public LocalStackSettings withBindAddressFrom(Map<String, String> environment) {
		String address = environment.getOrDefault(BIND_ADDRESS_VARIABLE, "").strip();
		return new LocalStackSettings(this.dataDirectory, this.servicesDirectory, this.kafkaPort, this.postgresPort,
				this.dashboardPort, this.ingestPort, this.scoringPort, this.credentials,
				address.isEmpty() ? this.bindAddress : address);
	}

	/**
	 * The Spring arguments that make a service listen on the bind address. Actuator shares the HTTP port
	 * here; {@code management.server.address} would stop a service that has no management port of its own.
	 */
	public List<String> bindArguments() {
		return List.of("--server.address=" + this.bindAddress);
	}

}
