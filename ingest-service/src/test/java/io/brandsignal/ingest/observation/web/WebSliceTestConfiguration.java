package io.brandsignal.ingest.observation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.brandsignal.ingest.auth.ApiKeyAuthenticator;
import io.brandsignal.ingest.auth.ApiKeyProperties;
import io.brandsignal.ingest.campaign.CampaignMetrics;
import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.ratelimit.RateLimitProperties;
import io.brandsignal.ingest.observation.IngestMetrics;
import io.brandsignal.ingest.observation.ObservationIngestService;
import io.brandsignal.ingest.observation.ObservationValidator;
import io.brandsignal.ingest.observation.RecordingPublisher;
import io.brandsignal.ingest.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the web slice tests need beside the controllers: the real validation, service, key check and
 * rate limit, a fixed clock (2026-11-20 10:00 UTC, so "tomorrow" is 2026-11-21) and a recording
 * publisher instead of Kafka. The keys are configured by their SHA-256 hashes in
 * {@code test-keys.properties}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ApiKeyProperties.class, RateLimitProperties.class, IngestLimits.class })
@Import({ ObservationIngestService.class, ObservationValidator.class, IngestMetrics.class, CampaignMetrics.class,
		ApiKeyAuthenticator.class, RateLimiter.class })
public class WebSliceTestConfiguration {

	/** The key of the test client "shop", allowed to write acme and globex. */
	public static final String SHOP_KEY = "shop-secret-key";

	/** The key of the test client "agency", allowed to write every brand. */
	public static final String AGENCY_KEY = "agency-secret-key";

	static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	@Bean
	RecordingPublisher recordingPublisher() {
		return new RecordingPublisher();
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
