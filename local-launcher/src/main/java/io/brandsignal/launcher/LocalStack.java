package io.brandsignal.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import io.brandsignal.localinfra.FreePorts;
import io.brandsignal.localinfra.KraftBroker;
import io.brandsignal.localinfra.LocalPostgres;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: a real KRaft Kafka broker and a real PostgreSQL in
 * this JVM, and ingest-, scoring- and dashboard-service as their own JVMs from their jars, configured
 * through the same Spring properties a production deployment sets. Closing it stops everything; the
 * data directory keeps the broker's, the database's and the scoring state for the next start.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

	private static final String DATABASE = "brandsignal";

	private final LocalStackSettings settings;

	private static final List<String> SERVICES = List.of("ingest-service", "scoring-service", "dashboard-service");

	private final KraftBroker broker;

	/** Set once the database is up, which it may not be when a start fails. */
	private LocalPostgres postgres;

	private final LeftoverProcesses leftovers;

	private final Map<String, List<String>> extraArguments;

	private final List<ServiceProcess> services = new ArrayList<>();

	private ServiceProcess ingest;

	private ServiceProcess scoring;

	private ServiceProcess dashboard;

	private LocalStack(LocalStackSettings settings, Map<String, List<String>> extraArguments, KraftBroker broker,
			LeftoverProcesses leftovers) {
		this.settings = settings;
		this.extraArguments = extraArguments;
		this.broker = broker;
		this.leftovers = leftovers;
	}

	/**
	 * Starts the broker, the database and the three services, and returns once every service reports
	 * ready. On failure everything started so far is stopped again.
	 * @param settings where data lives and which ports to use
	 * @param progress receives one line per step, for the console
	 * @return the running stack
	 */
	public static LocalStack start(LocalStackSettings settings, Consumer<String> progress) {
		return start(settings, Map.of(), progress);
	}

	/**
	 * Like {@link #start(LocalStackSettings, Consumer)}, with Spring arguments of the caller's own appended
	 * to a service's (tests add users and keys scoped to brands after the development ones).
	 * @param settings where data lives and which ports to use
	 * @param extraArguments more {@code --name=value} arguments by service name, such as {@code dashboard-service}
	 * @param progress receives one line per step, for the console
	 * @return the running stack
	 */
	public static LocalStack start(LocalStackSettings settings, Map<String, List<String>> extraArguments,
			Consumer<String> progress) {
		Path data = settings.dataDirectory();
		LeftoverProcesses leftovers = new LeftoverProcesses(data);
		List<Long> stopped = leftovers.stopAll();
		if (!stopped.isEmpty()) {
			progress.accept("Stopped " + stopped.size() + " processes an earlier launcher left running (pids "
					+ stopped + ").");
		}
		// Everything that can start at once does: PostgreSQL (initdb on fresh data takes seconds) beside the
		// broker, the service jars' extraction for class-data sharing beside both, and ingest- and
		// scoring-service as soon as the broker is up; only dashboard-service waits for the database.
		progress.accept("Starting Kafka (KRaft, in process) and PostgreSQL (embedded)...");
		// logging set up before the threads below log at once (SLF4J would queue and replay their first lines)
		LoggerFactory.getILoggerFactory();
		CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(() -> {
			LocalPostgres started = LocalPostgres.start(data.resolve("postgres"), settings.postgresPort(),
					settings.bindAddress());
			leftovers.recordPostgres(data.resolve("postgres"));
			started.createDatabase(DATABASE);
			return started;
		});
		ClassDataSharing sharing = new ClassDataSharing(settings.servicesDirectory());
		Map<String, CompletableFuture<ClassDataSharing.Launch>> launches = new LinkedHashMap<>();
		for (String service : SERVICES) {
			Path jar = ServiceProcess.requireJar(settings.servicesDirectory().resolve(service + ".jar"));
			launches.put(service, CompletableFuture.supplyAsync(() -> sharing.prepare(service, jar)));
		}
		LocalStack stack = null;
		try {
			KraftBroker broker = KraftBroker.start(data.resolve("kafka"), settings.kafkaPort(), 0);
			stack = new LocalStack(settings, extraArguments, broker, leftovers);
			stack.startServices(postgres, launches, progress);
			return stack;
		}
		catch (RuntimeException ex) {
			if (stack != null) {
				stack.close();
			}
			if (stack == null || stack.postgres == null) {
				// the database may still be starting: stop it once it is up
				LocalPostgres started = postgres.handle((server, failure) -> server).join();
				if (started != null) {
					started.close();
				}
				leftovers.clear();
			}
			throw ex;
		}
	}

	private void startServices(CompletableFuture<LocalPostgres> database,
			Map<String, CompletableFuture<ClassDataSharing.Launch>> launches, Consumer<String> progress) {
		Path logs = this.settings.dataDirectory().resolve("logs");
		Credentials credentials = this.settings.credentials();
		List<String> kafka = List.of("--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers());
		progress.accept("Starting ingest-service, scoring-service and dashboard-service...");
		this.ingest = startService("ingest-service", launches, this.settings.ingestPort(), logs, kafka,
				ingestArguments(credentials));
		this.scoring = startService("scoring-service", launches, this.settings.scoringPort(), logs, kafka,
				scoringArguments(this.settings.dataDirectory().resolve("scoring-state")));
		this.postgres = join(database);
		this.dashboard = startService("dashboard-service", launches, this.settings.dashboardPort(), logs, kafka,
				dashboardArguments(this.postgres.jdbcUrl(DATABASE), this.postgres.username(),
						this.postgres.password(), credentials));
		for (ServiceProcess service : this.services) {
			service.awaitReady(STARTUP_TIMEOUT);
			progress.accept("  " + service.name() + " ready at " + service.url());
		}
		LauncherHeap.trimAfterStart();
	}

	/** ingest-service's own Spring arguments: the development key, allowed to write every brand. */
	public static List<String> ingestArguments(Credentials credentials) {
		return List.of("--brandsignal.ingest.api-keys[0].name=local-dev",
				"--brandsignal.ingest.api-keys[0].sha256=" + credentials.apiKeySha256(),
				"--brandsignal.ingest.api-keys[0].brands=*");
	}

	/** scoring-service's own Spring arguments: where its Kafka Streams state lives. */
	public static List<String> scoringArguments(Path stateDirectory) {
		return List.of("--spring.kafka.streams.state-dir=" + stateDirectory.toAbsolutePath());
	}

	/** dashboard-service's own Spring arguments: its database, the demo login and the development read key. */
	public static List<String> dashboardArguments(String jdbcUrl, String username, String password,
			Credentials credentials) {
		return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password,
				"--brandsignal.dashboard.users[0].username=" + credentials.demoUser(),
				"--brandsignal.dashboard.users[0].password-bcrypt=" + credentials.demoPasswordBcrypt(),
				"--brandsignal.dashboard.users[0].brands=*",
				"--brandsignal.dashboard.read-keys[0].name=local-dev-read",
				"--brandsignal.dashboard.read-keys[0].sha256=" + credentials.readKeySha256(),
				"--brandsignal.dashboard.read-keys[0].brands=*");
	}

	private ServiceProcess startService(String name, Map<String, CompletableFuture<ClassDataSharing.Launch>> launches,
			int port, Path logs, List<String> kafka, List<String> own) {
		List<String> arguments = new ArrayList<>(kafka);
		arguments.addAll(this.settings.bindArguments());
		arguments.addAll(own);
		arguments.addAll(this.extraArguments.getOrDefault(name, List.of()));
		ServiceProcess service = ServiceProcess.start(name, join(launches.get(name)), FreePorts.orFree(port), logs,
				arguments);
		this.services.add(service);
		this.leftovers.record(service.process());
		return service;
	}

	/** The result of a step started on another thread, its failure rethrown as it was. */
	private static <T> T join(CompletableFuture<T> step) {
		try {
			return step.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	public URI ingestUrl() {
		return this.ingest.url();
	}

	public URI scoringUrl() {
		return this.scoring.url();
	}

	public URI dashboardUrl() {
		return this.dashboard.url();
	}

	public String kafkaBootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** JDBC URL of the dashboard's read-model database. */
	public String jdbcUrl() {
		return this.postgres.jdbcUrl(DATABASE);
	}

	public Credentials credentials() {
		return this.settings.credentials();
	}

	public LocalStackSettings settings() {
		return this.settings;
	}

	/** Whether any service process has ended on its own. */
	public List<String> stoppedServices() {
		return this.services.stream().filter((service) -> !service.isAlive()).map(ServiceProcess::name).toList();
	}

	/** Stops services first (so they can flush to Kafka and the database), then the database and broker. */
	@Override
	public void close() {
		this.services.parallelStream().forEach(ServiceProcess::close);
		this.services.clear();
		if (this.postgres != null) {
			this.postgres.close();
		}
		this.broker.close();
		this.leftovers.clear();
	}

}
