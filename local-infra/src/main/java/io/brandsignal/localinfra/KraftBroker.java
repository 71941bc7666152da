package io.brandsignal.localinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), running in this JVM.
 * Its log directory survives restarts, so a stopped and restarted broker keeps its topics and records.
 * Used by the local launcher and, where no Docker engine answers, by the tests.
 */
public final class KraftBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KraftBroker.class);

	private final Path dataDirectory;

	private final int port;

	private final int controllerPort;

	private KafkaRaftServer server;

	private KraftBroker(Path dataDirectory, int port, int controllerPort) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/**
	 * Starts a broker keeping its data in {@code dataDirectory}, formatting the directory on first use.
	 * @param dataDirectory where the broker's logs live
	 * @param port the client port, or 0 for a free one
	 * @param controllerPort the controller port, or 0 for a free one
	 * @return the running broker
	 */
	public static KraftBroker start(Path dataDirectory, int port, int controllerPort) {
		KraftBroker broker = new KraftBroker(dataDirectory, FreePorts.orFree(port), FreePorts.orFree(controllerPort));
		broker.start();
		return broker;
	}

	/** The {@code bootstrap.servers} value clients connect with. */
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** Starts the broker again on the same ports and data after {@link #close()}. */
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		Properties properties = brokerProperties();
		format(properties);
		KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		started.startup();
		this.server = started;
		logger.info("Kafka broker (KRaft) listening on {} with data in {}", bootstrapServers(), this.dataDirectory);
	}

	/** Stops the broker; its data stays on disk. */
	@Override
	public synchronized void close() {
		if (this.server == null) {
			return;
		}
		this.server.shutdown();
		this.server.awaitShutdown();
		this.server = null;
	}

	private Properties brokerProperties() {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@localhost:" + this.controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("log.dirs", this.dataDirectory.toAbsolutePath().toString());
		// A single node can hold only one replica of each internal topic.
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		// Topics are provisioned by the services, with their declared settings; a typo must not create one.
		properties.setProperty("auto.create.topics.enable", "false");
		properties.setProperty("num.partitions", "1");
		return properties;
	}

	/** Formats the log directory on first use; a formatted one keeps its cluster id and data. */
	private void format(Properties properties) {
		if (Files.exists(this.dataDirectory.resolve("meta.properties"))) {
			return;
		}
		try {
			Files.createDirectories(this.dataDirectory);
			Path config = Files.createTempFile("kraft-broker", ".properties");
			try (OutputStream out = Files.newOutputStream(config)) {
				properties.store(out, "brandsignal in-process broker");
			}
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int exit = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
					"--config", config.toString() },
					new PrintStream(output, true, StandardCharsets.UTF_8));
			Files.deleteIfExists(config);
			if (exit != 0) {
				throw new IllegalStateException("Formatting Kafka storage in " + this.dataDirectory + " failed: "
						+ output.toString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare Kafka storage in " + this.dataDirectory, ex);
		}
	}

}
