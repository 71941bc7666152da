package io.brandsignal.dashboard.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.brandsignal.testsupport.PostgresTestInfrastructure;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A JDBC slice with the read-model stores on a fresh database of the real test PostgreSQL, migrated by
 * Flyway; each test's writes are rolled back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = PostgresTestInfrastructure.class)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({ ScorecardStore.class, RollupStore.class })
@interface ReadModelStoreTest {

}
