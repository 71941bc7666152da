package io.brandsignal.contract.catalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the deployment's {@link MetricCatalog}; every service imports it so all read one catalog.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class MetricCatalogConfiguration {

	@Bean
	MetricCatalog metricCatalog(CatalogProperties properties) {
		return properties.catalog();
	}

}
