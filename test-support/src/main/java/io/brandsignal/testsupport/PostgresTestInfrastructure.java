package io.brandsignal.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh database on the shared test PostgreSQL:
 * {@code @ContextConfiguration(initializers = PostgresTestInfrastructure.class)}.
 */
public class PostgresTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPostgres database = TestInfrastructure.newDatabase();
		TestPropertyValues
			.of("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password())
			.applyTo(context);
	}

}
