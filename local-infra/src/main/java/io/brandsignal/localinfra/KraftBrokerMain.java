package io.brandsignal.localinfra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link KraftBroker} as a JVM of its own, for tests that must crash ({@code kill -9}), pause
 * ({@code SIGSTOP}) and restart the broker on the same data and ports without taking their own JVM down:
 * {@code java -cp <class path> io.brandsignal.localinfra.KraftBrokerMain <data directory> <port> <controller port>}.
 * It prints {@value #READY} and the bootstrap servers once the broker listens, and stays up until it is
 * stopped; {@code SIGTERM} shuts the broker down cleanly.
 */
public final class KraftBrokerMain {

	/** The start of the line printed once the broker listens. */
	public static final String READY = "KRAFT BROKER READY ";

	private KraftBrokerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 3) {
			System.err.println("Usage: KraftBrokerMain <data directory> <port> <controller port>");
			System.exit(2);
		}
		KraftBroker broker = KraftBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			broker.close();
			stopped.countDown();
		}, "kraft-broker-stop"));
		System.out.println(READY + broker.bootstrapServers());
		System.out.flush();
		// the broker's own threads are not all non-daemon ones: hold the JVM until the shutdown hook has run
		stopped.await();
	}

}
