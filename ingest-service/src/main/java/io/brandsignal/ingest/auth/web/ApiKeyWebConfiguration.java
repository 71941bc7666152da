package io.brandsignal.ingest.auth.web;

import io.brandsignal.ingest.auth.ApiKeyAuthenticator;
import io.brandsignal.ingest.ratelimit.RateLimiter;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the API-key check and rate limit in front of every write endpoint; reading the catalog, the API
 * docs and the actuator stays open.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyWebConfiguration implements WebMvcConfigurer {

	/** The paths that write data and therefore need a key. */
	static final String PROTECTED_PATHS = "/api/v1/observations/**";

	/** A brand's campaigns (and anything else written below a brand). */
	static final String BRAND_PATHS = "/api/v1/brands/**";

	private final ApiKeyAuthenticator authenticator;

	private final RateLimiter rateLimiter;

	ApiKeyWebConfiguration(ApiKeyAuthenticator authenticator, RateLimiter rateLimiter) {
		this.authenticator = authenticator;
		this.rateLimiter = rateLimiter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiKeyInterceptor(this.authenticator, this.rateLimiter))
			.addPathPatterns("/api/v1/observations", PROTECTED_PATHS, BRAND_PATHS);
	}

}
