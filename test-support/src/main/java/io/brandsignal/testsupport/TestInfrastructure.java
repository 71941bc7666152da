package io.brandsignal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.brandsignal.localinfra.InfrastructureVersions;
import io.brandsignal.localinfra.KraftBroker;
import io.brandsignal.localinfra.LocalPostgres;
import org.springframework.util.FileSystemUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that decides where tests get Kafka and PostgreSQL. Where a Docker engine answers, the
 * {@code apache/kafka} and {@code postgres} images run under Testcontainers; where none does, a real
 * in-process KRaft broker and an embedded PostgreSQL serve instead, so no test is ever skipped. Both ways
 * run the same Kafka and PostgreSQL major version ({@link InfrastructureVersions}). Set
 * the system property {@code brandsignal.test.infrastructure} to {@code containers} or {@code embedded}
 * to force one. The shared broker and database live as long as the test JVM.
 */
public final class TestInfrastructure {

	/** The same Kafka and PostgreSQL the in-process broker and embedded server run, and compose. */
	private static final InfrastructureVersions VERSIONS = InfrastructureVersions.current();

	private static final AtomicInteger databases = new AtomicInteger();

	private static TestKafka sharedKafka;

	private static PostgresServer sharedPostgres;

	private TestInfrastructure() {
	}

	/** The broker shared by every test in this JVM, started on first use. */
	public static synchronized TestKafka kafka() {
		if (sharedKafka == null) {
			sharedKafka = newKafka();
		}
		return sharedKafka;
	}

	/** A broker of the caller's own, for tests that stop it; the caller stops it when done. */
	public static TestKafka dedicatedKafka() {
		return newKafka();
	}

	/**
	 * A fresh, empty database on the PostgreSQL server shared by this JVM, so test classes never see
	 * each other's rows.
	 */
	public static synchronized TestPostgres newDatabase() {
		if (sharedPostgres == null) {
			sharedPostgres = newPostgres();
		}
		return sharedPostgres.createDatabase("brandsignal_test_" + databases.incrementAndGet());
	}

	private static boolean useContainers() {
		String forced = System.getProperty("brandsignal.test.infrastructure", "auto");
		return switch (forced) {
			case "containers" -> true;
			case "embedded" -> false;
			default -> dockerMayBeConfigured() && DockerClientFactory.instance().isDockerAvailable();
		};
	}

	/**
	 * Whether anything points at a Docker engine: {@code DOCKER_HOST}, a Testcontainers configuration
	 * or one of the usual engine sockets. Without any, Testcontainers' own probe is skipped: it would
	 * only log an ERROR that reads like a failing build.
	 */
	private static boolean dockerMayBeConfigured() {
		if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) {
			return true;
		}
		Path home = Path.of(System.getProperty("user.home"));
		List<Path> hints = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
				home.resolve(".testcontainers.properties"), home.resolve(".docker/run/docker.sock"),
				home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
				home.resolve(".rd/docker.sock")));
		String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
		if (runtimeDir != null) {
			hints.add(Path.of(runtimeDir, "docker.sock"));
		}
		return hints.stream().anyMatch(Files::exists);
	}

	private static TestKafka newKafka() {
		return useContainers() ? new ContainerKafka() : new EmbeddedKafka();
	}

	private static PostgresServer newPostgres() {
		return useContainers() ? new ContainerPostgres() : new EmbeddedPostgresServer();
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private interface PostgresServer {

		TestPostgres createDatabase(String name);

	}

	private static final class EmbeddedKafka implements TestKafka {

		private final Path directory = temporaryDirectory("brandsignal-kafka");

		private final KraftBroker broker = KraftBroker.start(this.directory, 0, 0);

		EmbeddedKafka() {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				this.broker.close();
				FileSystemUtils.deleteRecursively(this.directory.toFile());
			}));
		}

		@Override
		public String bootstrapServers() {
			return this.broker.bootstrapServers();
		}

		@Override
		public void stop() {
			this.broker.close();
		}

		@Override
		public void start() {
			this.broker.start();
		}

	}

	private static final class ContainerKafka implements TestKafka {

		private final KafkaContainer container = new KafkaContainer(VERSIONS.kafkaImage());

		ContainerKafka() {
			this.container.start();
		}

		@Override
		public String bootstrapServers() {
			return this.container.getBootstrapServers();
		}

		@Override
		public void stop() {
			// Pausing keeps the mapped port, so clients see the same broker come back.
			DockerClientFactory.instance().client().pauseContainerCmd(this.container.getContainerId()).exec();
		}

		@Override
		public void start() {
			DockerClientFactory.instance().client().unpauseContainerCmd(this.container.getContainerId()).exec();
		}

	}

	private static final class EmbeddedPostgresServer implements PostgresServer {

		private final Path directory = temporaryDirectory("brandsignal-pg");

		private final LocalPostgres postgres = LocalPostgres.start(this.directory, 0);

		EmbeddedPostgresServer() {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				this.postgres.close();
				FileSystemUtils.deleteRecursively(this.directory.toFile());
			}));
		}

		@Override
		public TestPostgres createDatabase(String name) {
			return new TestPostgres(this.postgres.createDatabase(name), this.postgres.username(),
					this.postgres.password());
		}

	}

	private static final class ContainerPostgres implements PostgresServer {

		private final PostgreSQLContainer container = new PostgreSQLContainer(VERSIONS.postgresImage());

		ContainerPostgres() {
			this.container.start();
		}

		@Override
		public TestPostgres createDatabase(String name) {
			try {
				this.container.execInContainer("psql", "-U", this.container.getUsername(), "-d",
						this.container.getDatabaseName(), "-c", "CREATE DATABASE " + name);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			String url = this.container.getJdbcUrl().replace("/" + this.container.getDatabaseName(), "/" + name);
			return new TestPostgres(url, this.container.getUsername(), this.container.getPassword());
		}

	}

}
