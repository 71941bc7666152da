package io.brandsignal.testsupport;

/**
 * A Kafka broker a test talks to. {@link #stop()} and {@link #start()} let a test see how a service
 * behaves while the broker is unreachable; only brokers from {@link TestInfrastructure#dedicatedKafka()}
 * should be stopped, so other tests sharing the JVM are not disturbed.
 */
public interface TestKafka {

	/** The {@code bootstrap.servers} value to connect with. */
	String bootstrapServers();

	/** Makes the broker unreachable, keeping its data and address. */
	void stop();

	/** Makes a stopped broker reachable again at the same address. */
	void start();

}
