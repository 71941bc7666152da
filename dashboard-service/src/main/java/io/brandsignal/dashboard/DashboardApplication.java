package io.brandsignal.dashboard;

import io.brandsignal.contract.catalog.MetricCatalogConfiguration;
import io.brandsignal.contract.topic.TopicProvisioningConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The marketing team's view of brandsignal: keeps a PostgreSQL read model of the scorecards and daily
 * rollups that scoring publishes, and serves it as a web dashboard, a REST API and server-sent events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({ MetricCatalogConfiguration.class, TopicProvisioningConfiguration.class })
public class DashboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(DashboardApplication.class, args);
	}

}
