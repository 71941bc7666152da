package io.brandsignal.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the shared test broker:
 * {@code @ContextConfiguration(initializers = KafkaTestInfrastructure.class)}.
 */
public class KafkaTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers())
			.applyTo(context);
	}

}
