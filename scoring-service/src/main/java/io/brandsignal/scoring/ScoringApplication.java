package io.brandsignal.scoring;

import io.brandsignal.contract.catalog.MetricCatalogConfiguration;
import io.brandsignal.contract.topic.TopicProvisioningConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * The scoring service: a Kafka Streams application that keeps each brand's daily metric cells and
 * publishes its scorecard (is audience growth turning into outcomes?) and daily rollups. Topics are
 * provisioned before the topology starts.
 */
@SpringBootApplication
@EnableKafkaStreams
@EnableConfigurationProperties(ScoringProperties.class)
@Import({ MetricCatalogConfiguration.class, TopicProvisioningConfiguration.class })
public class ScoringApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScoringApplication.class, args);
	}

}
