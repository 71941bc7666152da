package io.brandsignal.ingest;

import io.brandsignal.contract.catalog.MetricCatalogConfiguration;
import io.brandsignal.contract.topic.TopicProvisioningConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The HTTP door through which systems post metric observations: it authenticates and rate-limits the
 * caller, validates each batch as a whole and publishes accepted batches atomically to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ MetricCatalogConfiguration.class, TopicProvisioningConfiguration.class })
public class IngestApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestApplication.class, args);
	}

}
