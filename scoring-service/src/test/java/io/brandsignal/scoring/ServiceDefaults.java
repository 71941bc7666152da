package io.brandsignal.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The scoring service's settings as the service itself gets them when nothing is configured, read
 * from the same places (the {@link ScoringProperties} defaults, {@code application.yml}), so tests and
 * the benchmark never carry their own copies of a default.
 */
public final class ServiceDefaults {

	private ServiceDefaults() {
	}

	/** {@code brandsignal.scoring.*} bound from the given properties, defaults for everything else. */
	public static ScoringProperties scoring(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("brandsignal.scoring",
				ScoringProperties.class);
	}

	/** {@code brandsignal.scoring.*} with nothing configured. */
	public static ScoringProperties scoring() {
		return scoring(Map.of());
	}

	/** The Kafka Streams {@code commit.interval.ms} the service's {@code application.yml} sets. */
	public static int commitIntervalMs() {
		try {
			Object value = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
				.get(0)
				.getProperty("spring.kafka.streams.properties.commit.interval.ms");
			return Integer.parseInt(String.valueOf(value));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the service's application.yml", ex);
		}
	}

}
