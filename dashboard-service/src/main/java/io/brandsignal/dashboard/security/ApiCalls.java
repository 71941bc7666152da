package io.brandsignal.dashboard.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.brandsignal.contract.problem.ProblemTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every API call by caller and outcome, {@code brandsignal.dashboard.api.calls{key, outcome}}:
 * {@code key} is the read key's configured name, {@code unknown} for a bearer key that is not
 * configured, {@code people} for a person (session or HTTP Basic) and {@code anonymous} for a call
 * without valid credentials; {@code outcome} is the HTTP status. Both come from bounded sets: key
 * names from the configuration, statuses from HTTP. Also writes the API's own problem details from
 * the security filters, where the MVC exception handlers do not reach.
 */
final class ApiCalls extends OncePerRequestFilter {

	static final String METER = "brandsignal.dashboard.api.calls";

	static final String UNKNOWN_KEY = "unknown";

	private static final String KEY_ATTRIBUTE = ApiCalls.class.getName() + ".key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MeterRegistry registry;

	ApiCalls(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Marks the request as made with a bearer key of this name (or {@link #UNKNOWN_KEY}). */
	static void byKey(HttpServletRequest request, String name) {
		request.setAttribute(KEY_ATTRIBUTE, name);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			String key = (String) request.getAttribute(KEY_ATTRIBUTE);
			if (key == null) {
				// every API path needs a login, so a call without a key that was let through was a person's
				key = (status == HttpStatus.UNAUTHORIZED.value()) ? "anonymous" : "people";
			}
			Counter.builder(METER)
				.description("Calls of the dashboard API by read key (or people, anonymous, unknown) and HTTP status")
				.tag("key", key)
				.tag("outcome", Integer.toString(status))
				.register(this.registry)
				.increment();
		}
	}

	/**
	 * Answers with an RFC 9457 problem detail whose type is {@code urn:brandsignal:problem:<kind>}.
	 */
	static void problem(HttpServletResponse response, HttpStatus status, String kind, String title, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemTypes.of(kind).toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
