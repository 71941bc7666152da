package io.brandsignal.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one command that runs brandsignal on a developer's machine: {@code java -jar
 * local-launcher/target/brandsignal-local.jar [--demo]}. Starts the {@link LocalStack} with data
 * under {@code ./data}, prints where everything is and how to sign in, optionally seeds demo brands,
 * and stops everything cleanly on Ctrl-C.
 */
public final class LocalLauncher {

	private LocalLauncher() {
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		if (arguments.contains("--help") || arguments.contains("-h")) {
			System.out.println("""
					Usage: java -jar local-launcher/target/brandsignal-local.jar [--demo]
					  --demo   seed demo brands (one per verdict) through the ingest API
					Environment: BRANDSIGNAL_DEV_API_KEY, BRANDSIGNAL_DEV_READ_KEY, BRANDSIGNAL_DEMO_USER,
					  BRANDSIGNAL_DEMO_PASSWORD
					Data lives under ./data (delete it to start over).""");
			return;
		}
		long started = System.nanoTime();
		Credentials credentials = Credentials.fromEnvironment(System.getenv());
		LocalStackSettings settings = LocalStackSettings.defaults(servicesDirectory(), credentials)
			.withBindAddressFrom(System.getenv());
		LocalStack stack;
		try {
			stack = LocalStack.start(settings, System.out::println);
		}
		catch (RuntimeException ex) {
			System.err.println("brandsignal could not start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicBoolean stopping = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			System.out.println("Stopping brandsignal...");
			stack.close();
			System.out.println("Stopped. Data kept in " + settings.dataDirectory().toAbsolutePath());
			stopped.countDown();
		}, "brandsignal-shutdown"));
		System.out.printf("%nbrandsignal is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
		printWelcome(stack);
		if (arguments.contains("--demo")) {
			new DemoSeeder(stack.ingestUrl(), credentials.apiKey()).seed(System.out::println);
		}
		System.out.println("Press Ctrl-C to stop.");
		while (!stopped.await(5, TimeUnit.SECONDS)) {
			List<String> down = stack.stoppedServices();
			// while Ctrl-C stops the stack, services ending is what was asked for
			if (!down.isEmpty() && !stopping.get()) {
				System.err.println("Stopped unexpectedly: " + down + "; see logs in "
						+ settings.dataDirectory().resolve("logs").toAbsolutePath());
				System.exit(2);
			}
		}
	}

	private static void printWelcome(LocalStack stack) {
		Credentials credentials = stack.credentials();
		System.out.printf("""

				  Dashboard   %s   (login: %s / %s)
				  Ingest API  %s/api/v1/observations   (Authorization: Bearer %s)
				  Read API    %s/api/v1/brands   (Authorization: Bearer %s)
				  API docs    %s/swagger-ui.html
				  Scoring     %s/actuator/health
				  Metrics     /actuator/prometheus on each service (the dashboard's with the read key)
				  Kafka       %s
				  Logs        %s

				  These are development credentials for this machine only.
				  Try:  curl -X POST %s/api/v1/observations -H 'Authorization: Bearer %s' \\
				          -H 'Content-Type: application/json' \\
				          -d '{"observations":[{"brand":"acme","metric":"followers","date":"2026-11-20","value":1200}]}'
				        curl -H 'Authorization: Bearer %s' %s/api/v1/brands/acme/series.csv?days=90

				""", stack.dashboardUrl(), credentials.demoUser(), credentials.demoPassword(), stack.ingestUrl(),
				credentials.apiKey(), stack.dashboardUrl(), credentials.readKey(), stack.ingestUrl(), stack.scoringUrl(),
				stack.kafkaBootstrapServers(),
				stack.settings().dataDirectory().resolve("logs").toAbsolutePath(), stack.ingestUrl(),
				credentials.apiKey(), credentials.readKey(), stack.dashboardUrl());
	}

	/** The {@code services} folder beside the launcher jar, where the build copies the service jars. */
	private static Path servicesDirectory() throws URISyntaxException {
		Path jar = Path.of(LocalLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return jar.getParent().resolve("services");
	}

}
