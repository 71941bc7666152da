package io.brandsignal.dashboard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.localinfra.KraftBroker;
import io.brandsignal.localinfra.LocalPostgres;
import io.brandsignal.testsupport.benchmark.BenchmarkFigure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.FileSystemUtils;

/**
 * How many daily rollups a second the read model stores: starts the dashboard in this JVM against a real
 * in-process Kafka broker and an embedded PostgreSQL, publishes N rollups (default 20,000: 200 brands x
 * 100 days, 3 metrics each) to the rollup topic as scoring does while the rollup listener is paused, then
 * resumes it and times until the read model holds all their values. A plain program, not a test: see {@code BENCHMARK.md}.
 */
public final class RollupThroughputBenchmark {

	private static final int BRANDS = 200;

	private static final int METRICS = 3;

	private RollupThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rollups = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		Path data = Files.createTempDirectory("rollup-benchmark");
		try (KraftBroker broker = KraftBroker.start(data.resolve("kafka"), 0, 0);
				LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), 0)) {
			String jdbcUrl = postgres.createDatabase("rollup_benchmark");
			Map<String, String> settings = new LinkedHashMap<>(Map.of("server.port", "0", "spring.datasource.url",
					jdbcUrl, "spring.datasource.username", postgres.username(), "spring.datasource.password",
					postgres.password(), "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
					"logging.level.root", "WARN", "logging.level.org.apache.kafka", "ERROR", "spring.main.banner-mode",
					"off"));
			try (ConfigurableApplicationContext app = DashboardBenchmark.start(settings)) {
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				long expectedValues = (long) rollups * METRICS;
				// All rollups wait on the topic first, so the time is the read model's alone, not the producer's.
				MessageListenerContainer listener = app.getBean(KafkaListenerEndpointRegistry.class)
					.getListenerContainer("dashboard-rollups");
				listener.pause();
				long publishing = System.nanoTime();
				publish(broker.bootstrapServers(), rollups);
				double published = (System.nanoTime() - publishing) / 1e9;
				long started = System.nanoTime();
				listener.resume();
				long stored = 0;
				while (stored < expectedValues) {
					Thread.sleep(20);
					stored = jdbc.queryForObject("SELECT count(*) FROM daily_metric_value", Long.class);
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				BenchmarkFigure.info("dashboard, rollups published (" + rollups + ")",
						published, "s").print();
				BenchmarkFigure.info("dashboard, rollups stored by the read model (" + rollups + ")", seconds, "s")
					.print();
				BenchmarkFigure.info("dashboard, read model rollup throughput", rollups / seconds, "rollups/s")
					.print();
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	private static void publish(String bootstrapServers, int rollups) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		LocalDate first = LocalDate.parse("2026-01-01");
		try (Serializer<DailyRollup> serializer = Topics.DAILY_ROLLUPS.valueSerde().serializer();
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			for (int i = 0; i < rollups; i++) {
				String brand = "brand-" + (i % BRANDS);
				LocalDate day = first.plusDays(i / BRANDS);
				DailyRollup rollup = Fixtures.rollup(brand, day.toString(),
						Map.of("followers", 1000.0 + i, "reach", 50.0 + i, "sales_revenue", 10.0 + i));
				producer.send(new ProducerRecord<>(Topics.DAILY_ROLLUPS.name(), DailyRollup.key(brand, day),
						serializer.serialize(Topics.DAILY_ROLLUPS.name(), rollup)));
			}
			producer.flush();
		}
	}

}
