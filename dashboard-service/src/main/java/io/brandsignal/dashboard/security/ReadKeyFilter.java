package io.brandsignal.dashboard.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.brandsignal.contract.access.HashedApiKeys;
import io.brandsignal.contract.access.KeyHolder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <read key>}: for this request only
 * (nothing is stored in a session, so a cookie-less client costs one SHA-256, not a bcrypt check and a
 * new session), after taking one request from the key's rate-limit budget. An unknown key is answered
 * {@code 401}, a key over its budget {@code 429} with {@code Retry-After}, both as problem details.
 * Other calls pass on untouched to HTTP Basic and the session.
 */
final class ReadKeyFilter extends OncePerRequestFilter {

	private final BrandAccess access;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

	ReadKeyFilter(BrandAccess access) {
		this.access = access;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> token = HashedApiKeys.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<KeyHolder> holder = this.access.readKey(token.get());
		if (holder.isEmpty()) {
			ApiCalls.byKey(request, ApiCalls.UNKNOWN_KEY);
			ApiCalls.problem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "Unknown read key");
			return;
		}
		KeyHolder key = holder.get();
		ApiCalls.byKey(request, key.name());
		Optional<Duration> wait = this.access.tryAcquire(key);
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
			ApiCalls.problem(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"Rate limit of read key '" + key.name() + "' exceeded; retry after " + wait.get().toSeconds()
							+ " s");
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new ReadKeyAuthentication(key));
		this.contexts.setContext(context);
		// kept in the request for its later dispatches: a live stream that ends (time-out, dropped as too
		// slow) is completed in an async dispatch, which this filter skips and which would otherwise be
		// refused as anonymous, logging an error for a response long committed
		this.requestContexts.saveContext(context, request, response);
		chain.doFilter(request, response);
	}

}
