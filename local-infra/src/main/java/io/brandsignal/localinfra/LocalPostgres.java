package io.brandsignal.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped in a jar) run by this JVM, with its data in a directory
 * that survives restarts. Used by the local launcher and, where no Docker engine answers, by the tests.
 */
public final class LocalPostgres implements AutoCloseable {

	private static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private LocalPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts PostgreSQL with its data in {@code dataDirectory} (created and initialised on first use).
	 * @param dataDirectory where the cluster lives
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 */
	public static LocalPostgres start(Path dataDirectory, int port) {
		return start(dataDirectory, port, "localhost");
	}

	/**
	 * Starts PostgreSQL with its data in {@code dataDirectory} (created and initialised on first use),
	 * accepting connections only on {@code listenAddresses}.
	 * @param dataDirectory where the cluster lives
	 * @param port the port, or 0 for a free one
	 * @param listenAddresses PostgreSQL's {@code listen_addresses}, e.g. {@code 127.0.0.1} or {@code *}
	 * @return the running server
	 */
	public static LocalPostgres start(Path dataDirectory, int port, String listenAddresses) {
		try {
			Files.createDirectories(dataDirectory);
			refuseOtherMajorVersion(dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(FreePorts.orFree(port))
				// the embedded server's own default listens on every interface
				.setServerConfig("listen_addresses", listenAddresses)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			return new LocalPostgres(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * A data directory written by another PostgreSQL major (the local launcher ran PostgreSQL 14 before
	 * 17) cannot be opened; say so plainly instead of letting the server fail with a log line nobody reads.
	 */
	private static void refuseOtherMajorVersion(Path dataDirectory) throws IOException {
		Path versionFile = dataDirectory.resolve("PG_VERSION");
		if (!Files.exists(versionFile)) {
			return;
		}
		String existing = Files.readString(versionFile).strip();
		String major = InfrastructureVersions.current().postgresqlMajor();
		if (!existing.equals(major)) {
			throw new IllegalStateException("The data in " + dataDirectory + " was written by PostgreSQL " + existing
					+ "; this build runs PostgreSQL " + major + ", which cannot open it. Delete " + dataDirectory
					+ " to start over (or move the data across with pg_dump from PostgreSQL " + existing + ").");
		}
	}

	/** Creates the database if it does not exist yet, and returns its JDBC URL. */
	public String createDatabase(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Unsafe database name " + name);
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet existing = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
				if (!existing.next()) {
					statement.execute("CREATE DATABASE " + name);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
		return jdbcUrl(name);
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database;
	}

	public String username() {
		return USER;
	}

	public String password() {
		return USER;
	}

	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop PostgreSQL", ex);
		}
	}

}
