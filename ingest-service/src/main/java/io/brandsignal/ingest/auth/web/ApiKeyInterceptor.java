package io.brandsignal.ingest.auth.web;

import io.brandsignal.ingest.auth.ApiClient;
import io.brandsignal.ingest.auth.ApiKeyAuthenticator;
import io.brandsignal.ingest.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the write endpoints: authenticates the bearer API key and takes one request from the key's
 * rate-limit budget before the body is even read. Failures surface as exceptions that the service's
 * problem-details advice turns into {@code 401} and {@code 429} responses.
 */
public class ApiKeyInterceptor implements HandlerInterceptor {

	private final ApiKeyAuthenticator authenticator;

	private final RateLimiter rateLimiter;

	public ApiKeyInterceptor(ApiKeyAuthenticator authenticator, RateLimiter rateLimiter) {
		this.authenticator = authenticator;
		this.rateLimiter = rateLimiter;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ApiClient client = this.authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
		this.rateLimiter.acquire(client);
		request.setAttribute(ApiClient.REQUEST_ATTRIBUTE, client);
		return true;
	}

}
