package io.brandsignal.systemtests.reliability;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.brandsignal.contract.topic.Topics;

import io.brandsignal.launcher.Credentials;
import io.brandsignal.launcher.LocalStack;
import io.brandsignal.launcher.LocalStackSettings;
import io.brandsignal.launcher.ServiceProcess;
import io.brandsignal.localinfra.FreePorts;
import io.brandsignal.localinfra.LocalPostgres;
import io.brandsignal.systemtests.SystemTestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * The stack as the local launcher runs it (the service jars as their own JVMs, with the launcher's
 * arguments and JVM options), except that the broker too is a JVM of its own, so that every part can be
 * killed, paused and restarted on its data: the broker ({@link BrokerProcess}), PostgreSQL (its own
 * server process, stopped and started on the same data directory and port), ingest-, scoring- and
 * dashboard-service. Scoring may run as several instances, each with its own state directory, sharing
 * the partitions as one Kafka Streams application.
 */
final class FaultStack implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private static final String DATABASE = "brandsignal";

	/** scoring-service's Kafka Streams application id, which is also its consumer group. */
	private static final String SCORING_APPLICATION_ID = "brandsignal-scoring";

	private final Path data;

	private final Credentials credentials = SystemTestStack.CREDENTIALS;

	private final BrokerProcess broker;

	private final int postgresPort;

	private LocalPostgres postgres;

	private final Service ingest;

	private final List<Service> scoring = new ArrayList<>();

	private final Service dashboard;

	private FaultStack(Path data) {
		this.data = data;
		this.broker = BrokerProcess.start(data.resolve("kafka"), data.resolve("logs/broker.log"));
		this.postgres = LocalPostgres.start(data.resolve("postgres"), 0, LocalStackSettings.LOOPBACK);
		this.postgresPort = this.postgres.port();
		String jdbcUrl = this.postgres.createDatabase(DATABASE);
		this.ingest = new Service("ingest-service", LocalStack.ingestArguments(this.credentials));
		this.scoring.add(new Service("scoring-service", LocalStack.scoringArguments(data.resolve("scoring-state-1"))));
		this.dashboard = new Service("dashboard-service", LocalStack.dashboardArguments(jdbcUrl,
				this.postgres.username(), this.postgres.password(), this.credentials));
		Stream.of(this.ingest, this.scoring.get(0), this.dashboard).forEach(Service::start);
		Stream.of(this.ingest, this.scoring.get(0), this.dashboard).forEach(Service::awaitReady);
	}

	/** Starts everything on free ports with its data under {@code data}. */
	static FaultStack start(Path data) {
		return new FaultStack(data);
	}

	Credentials credentials() {
		return this.credentials;
	}

	BrokerProcess broker() {
		return this.broker;
	}

	Service ingest() {
		return this.ingest;
	}

	Service dashboard() {
		return this.dashboard;
	}

	/** The scoring instances running now, the oldest first. */
	List<Service> scoring() {
		return this.scoring.stream().filter(Service::isAlive).toList();
	}

	/** Starts one more scoring instance, with a state directory of its own, and waits until it is ready. */
	Service addScoringInstance() {
		Service added = new Service("scoring-service",
				LocalStack.scoringArguments(this.data.resolve("scoring-state-" + (this.scoring.size() + 1))));
		this.scoring.add(added);
		added.start();
		added.awaitReady();
		return added;
	}

	String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** How many partitions the observations topic has. */
	int observationPartitions() {
		try (Admin admin = admin()) {
			return admin.describeTopics(List.of(Topics.OBSERVATIONS.name()))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(Topics.OBSERVATIONS.name())
				.partitions()
				.size();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot describe " + Topics.OBSERVATIONS.name(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
	}

	/** How many scoring instances hold partitions of the observations topic now (Kafka's view of the group). */
	int scoringInstancesWithPartitions() {
		try (Admin admin = admin()) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(SCORING_APPLICATION_ID))
				.describedGroups()
				.get(SCORING_APPLICATION_ID)
				.get(10, TimeUnit.SECONDS);
			return (int) group.members()
				.stream()
				.filter((member) -> member.assignment()
					.topicPartitions()
					.stream()
					.anyMatch((partition) -> partition.topic().equals(Topics.OBSERVATIONS.name())))
				.count();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot describe the scoring group", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops PostgreSQL (a fast shutdown: sessions are ended, the data stays). */
	void stopPostgres() {
		this.postgres.close();
	}

	/** Starts PostgreSQL again on its data directory and port. */
	void startPostgres() {
		this.postgres = LocalPostgres.start(this.data.resolve("postgres"), this.postgresPort,
				LocalStackSettings.LOOPBACK);
	}

	@Override
	public void close() {
		Stream.concat(Stream.of(this.ingest, this.dashboard), this.scoring.stream())
			.parallel()
			.forEach(Service::stop);
		this.postgres.close();
		this.broker.close();
	}

	/**
	 * One service of the stack that can be killed and started again: same jar, port and arguments, a log
	 * file per start.
	 */
	final class Service {

		private final String name;

		private final int port = FreePorts.free();

		private final List<String> arguments;

		private ServiceProcess process;

		private int starts;

		private Service(String name, List<String> own) {
			this.name = name;
			List<String> arguments = new ArrayList<>();
			arguments.add("--spring.kafka.bootstrap-servers=" + FaultStack.this.broker.bootstrapServers());
			arguments.addAll(LocalStackSettings.ephemeral(FaultStack.this.data, servicesDirectory(),
					FaultStack.this.credentials).bindArguments());
			arguments.addAll(own);
			this.arguments = List.copyOf(arguments);
		}

		String name() {
			return this.name;
		}

		URI url() {
			return this.process.url();
		}

		boolean isAlive() {
			return this.process != null && this.process.isAlive();
		}

		void start() {
			this.starts++;
			Path logs = FaultStack.this.data.resolve("logs").resolve(this.name + "-" + this.port + "-" + this.starts);
			this.process = ServiceProcess.start(this.name, servicesDirectory().resolve(this.name + ".jar"), this.port,
					logs, this.arguments);
		}

		void awaitReady() {
			this.process.awaitReady(STARTUP);
		}

		/** {@code kill -9}: no shutdown hook, no last commit, no goodbye to the consumer group. */
		void kill() {
			this.process.process().destroyForcibly();
			this.process.process().onExit().join();
		}

		/** Starts the service again after {@link #kill()} and waits until it is ready. */
		void restart() {
			start();
			awaitReady();
		}

		void stop() {
			if (this.process != null) {
				this.process.close();
			}
		}

	}

	private static Path servicesDirectory() {
		return SystemTestStack.servicesDirectory();
	}

}
