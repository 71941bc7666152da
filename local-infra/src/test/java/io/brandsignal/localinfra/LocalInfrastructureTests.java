package io.brandsignal.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalInfrastructureTests {

	@TempDir
	Path data;

	@Test
	void brokerKeepsRecordsAcrossRestart() throws Exception {
		KraftBroker broker = KraftBroker.start(this.data.resolve("kafka"), 0, 0);
		try {
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
			}
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
					ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>("kept", "acme", "followers=120345")).get();
			}
			broker.close();
			broker.start();
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
							ConsumerConfig.GROUP_ID_CONFIG, "reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
					new StringDeserializer(), new StringDeserializer())) {
				consumer.subscribe(List.of("kept"));
				ConsumerRecords<String, String> records = ConsumerRecords.empty();
				for (int attempt = 0; attempt < 30 && records.isEmpty(); attempt++) {
					records = consumer.poll(Duration.ofSeconds(1));
				}
				assertThat(records.iterator().next().value()).isEqualTo("followers=120345");
			}
		}
		finally {
			broker.close();
		}
	}

	@Test
	void postgresKeepsDataAcrossRestart() throws Exception {
		Path directory = this.data.resolve("pg");
		String url;
		try (LocalPostgres postgres = LocalPostgres.start(directory, 0)) {
			url = postgres.createDatabase("brandsignal");
			try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE brand (name text primary key)");
				statement.execute("INSERT INTO brand VALUES ('acme')");
			}
		}
		try (LocalPostgres postgres = LocalPostgres.start(directory, 0)) {
			String again = postgres.createDatabase("brandsignal");
			try (Connection connection = DriverManager.getConnection(again, postgres.username(), postgres.password());
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT name FROM brand")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("acme");
			}
		}
	}

	@Test
	void postgresListensOnlyOnTheAddressItIsGiven() throws Exception {
		try (LocalPostgres postgres = LocalPostgres.start(this.data.resolve("pg-loopback"), 0, "127.0.0.1");
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
						postgres.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW listen_addresses")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void postgresRunsTheMajorVersionTheBuildDeclares() throws Exception {
		try (LocalPostgres postgres = LocalPostgres.start(this.data.resolve("pg"), 0);
				Connection connection = DriverManager.getConnection(postgres.createDatabase("postgres"),
						postgres.username(), postgres.password());
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("SHOW server_version_num")) {
			assertThat(version.next()).isTrue();
			// server_version_num is major * 10000 + minor since PostgreSQL 10.
			assertThat(version.getInt(1) / 10000)
				.isEqualTo(Integer.parseInt(InfrastructureVersions.current().postgresqlMajor()));
		}
	}

	@Test
	void postgresRefusesDataOfAnotherMajorVersionWithAPlainMessage() throws Exception {
		Path directory = Files.createDirectories(this.data.resolve("pg-14"));
		Files.writeString(directory.resolve("PG_VERSION"), "14\n");

		assertThatIllegalStateException().isThrownBy(() -> LocalPostgres.start(directory, 0))
			.withMessageContaining("written by PostgreSQL 14")
			.withMessageContaining("Delete " + directory);
	}

}
