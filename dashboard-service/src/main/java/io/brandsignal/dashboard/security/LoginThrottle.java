package io.brandsignal.dashboard.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.brandsignal.dashboard.DashboardProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password guessing (issue 12, finding 8): after {@code maxFailures} failed logins of one
 * username or from one client address within {@code window}, further logins for that username or from
 * that address are refused for {@code lockout} before any bcrypt check runs. Counts logins by outcome
 * ({@code brandsignal.dashboard.logins{outcome=success|failure|throttled}}) and logs failures at WARN
 * without the password. Memory stays bounded: both tallies are Caffeine caches with a maximum size and
 * expiry, so a flood of made-up usernames evicts old entries instead of growing.
 */
public final class LoginThrottle implements ApplicationListener<AbstractAuthenticationEvent> {

	static final String METER = "brandsignal.dashboard.logins";

	/** Request attribute the login page reads to say how long to wait. */
	public static final String RETRY_MINUTES_ATTRIBUTE = LoginThrottle.class.getName() + ".retryMinutes";

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final DashboardProperties.Login settings;

	private final Cache<String, AtomicInteger> failures;

	private final Cache<String, Long> blockedUntil;

	private final MeterRegistry registry;

	LoginThrottle(DashboardProperties.Login settings, MeterRegistry registry) {
		this.settings = settings;
		this.registry = registry;
		this.failures = Caffeine.newBuilder()
			.maximumSize(settings.maxTracked())
			.expireAfterWrite(settings.window())
			.build();
		this.blockedUntil = Caffeine.newBuilder()
			.maximumSize(settings.maxTracked())
			.expireAfterWrite(settings.lockout())
			.build();
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
			return;
		}
		if (event instanceof AuthenticationSuccessEvent) {
			count("success");
		}
		else if (event instanceof AbstractAuthenticationFailureEvent) {
			String ip = (token.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
					: "unknown";
			failed(token.getName(), ip);
		}
	}

	private void failed(String username, String ip) {
		count("failure");
		log.warn("Failed login for user '{}' from {}", sanitised(username), sanitised(ip));
		if (!this.settings.enabled()) {
			return;
		}
		record("user:" + username);
		record("ip:" + ip);
	}

	private void record(String key) {
		int count = this.failures.get(key, (k) -> new AtomicInteger()).incrementAndGet();
		if (count >= this.settings.maxFailures()) {
			this.blockedUntil.put(key, System.nanoTime() + this.settings.lockout().toNanos());
			this.failures.invalidate(key);
		}
	}

	/** How long logins for this username or from this address are still refused; zero when allowed. */
	Duration refusedFor(String username, String ip) {
		long now = System.nanoTime();
		long until = Math.max(remaining("user:" + username, now), remaining("ip:" + ip, now));
		return Duration.ofNanos(until);
	}

	private long remaining(String key, long now) {
		Long until = this.blockedUntil.getIfPresent(key);
		return (until == null) ? 0 : Math.max(0, until - now);
	}

	private void count(String outcome) {
		Counter.builder(METER)
			.description("Password logins (form and HTTP Basic) by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/** Keeps log lines single and short whatever a client sends as its username. */
	static String sanitised(String value) {
		String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
		return (printable.length() > 64) ? printable.substring(0, 64) + "…" : printable;
	}

	/** The filter that refuses throttled logins; {@code api} answers problem details, else the login page. */
	OncePerRequestFilter filter(boolean api) {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				String username = attemptedUsername(request);
				Duration wait = (username != null && LoginThrottle.this.settings.enabled())
						? refusedFor(username, request.getRemoteAddr()) : Duration.ZERO;
				if (wait.isZero()) {
					chain.doFilter(request, response);
					return;
				}
				count("throttled");
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				long minutes = Math.max(1, (seconds + 59) / 60);
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				if (api) {
					ApiCalls.problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-logins", "Too Many Requests",
							"Too many failed logins; try again in " + seconds + " seconds");
					return;
				}
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				request.setAttribute(RETRY_MINUTES_ATTRIBUTE, minutes);
				// the login page, rendered as a GET so the login filter does not take it again
				request.getRequestDispatcher("/login").forward(new HttpServletRequestWrapper(request) {
					@Override
					public String getMethod() {
						return HttpMethod.GET.name();
					}
				}, response);
			}
		};
	}

	/** The username a request tries to log in with: the login form's post or an HTTP Basic header. */
	private static String attemptedUsername(HttpServletRequest request) {
		if (HttpMethod.POST.matches(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI())) {
			return request.getParameter("username");
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
