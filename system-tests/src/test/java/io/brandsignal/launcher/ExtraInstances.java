package io.brandsignal.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.brandsignal.localinfra.FreePorts;

/**
 * More instances of a service beside the ones a {@link LocalStack} runs, on the same broker and database,
 * each a JVM of its own started by the launcher's {@link ServiceProcess} with the same arguments as the
 * stack's (and its own port, state directory and log): how the scale-out tests and the soak command run
 * two scoring or two dashboard instances. It lives in the launcher's package because {@code ServiceProcess}
 * is the launcher's own business, not part of its public interface.
 */
public final class ExtraInstances {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

	private ExtraInstances() {
	}

	/**
	 * Starts another scoring-service with a state directory of its own.
	 * @param stack the running stack whose broker it joins
	 * @param name its name, for its log file and its Kafka client id
	 * @param stateDirectory its Kafka Streams state directory (two instances must never share one)
	 * @param more further Spring arguments
	 * @return the started instance, not yet ready
	 */
	public static Instance scoring(LocalStack stack, String name, Path stateDirectory, List<String> more) {
		List<String> arguments = new ArrayList<>(LocalStack.scoringArguments(stateDirectory));
		arguments.add("--spring.kafka.streams.client-id=" + name);
		arguments.addAll(more);
		return start(stack, "scoring-service", name, arguments);
	}

	/**
	 * Starts another dashboard-service on the stack's database with the stack's demo login and read key.
	 * @param stack the running stack whose broker and database it uses
	 * @param name its name, for its log file
	 * @return the started instance, not yet ready
	 */
	public static Instance dashboard(LocalStack stack, String name) {
		// the same login and read key as the stack's own dashboard, and the embedded PostgreSQL's superuser
		// (LocalPostgres), so one login is valid on both instances
		return start(stack, "dashboard-service", name,
				LocalStack.dashboardArguments(stack.jdbcUrl(), "postgres", "postgres", stack.credentials()));
	}

	private static Instance start(LocalStack stack, String service, String name, List<String> own) {
		LocalStackSettings settings = stack.settings();
		List<String> arguments = new ArrayList<>();
		arguments.add("--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers());
		arguments.addAll(settings.bindArguments());
		arguments.addAll(own);
		return new Instance(ServiceProcess.start(name, settings.servicesDirectory().resolve(service + ".jar"),
				FreePorts.free(), settings.dataDirectory().resolve("logs"), arguments));
	}

	/** One extra service instance; closing it stops it gracefully. */
	public static final class Instance implements AutoCloseable {

		private final ServiceProcess process;

		private Instance(ServiceProcess process) {
			this.process = process;
		}

		public URI url() {
			return this.process.url();
		}

		/** Its JVM, for signals and memory readings. */
		public ProcessHandle process() {
			return this.process.process();
		}

		/** Returns once it reports itself ready, or fails with its last log lines. */
		public Instance awaitReady() {
			this.process.awaitReady(STARTUP_TIMEOUT);
			return this;
		}

		/** The last lines of its log. */
		public String tailOfLog(int lines) {
			return this.process.tailOfLog(lines);
		}

		@Override
		public void close() {
			this.process.close();
		}

	}

}
