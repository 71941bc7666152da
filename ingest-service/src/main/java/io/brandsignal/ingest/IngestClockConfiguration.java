package io.brandsignal.ingest;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that decides "today" for date validation and stamps {@code receivedAt}; web slice tests
 * use a fixed one instead.
 */
@Configuration(proxyBeanMethods = false)
class IngestClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
