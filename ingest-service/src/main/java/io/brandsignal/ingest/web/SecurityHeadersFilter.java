package io.brandsignal.ingest.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells browsers how to treat every answer of this JSON API: never sniff a content type, never cache
 * (answers may carry a client's data or errors), never render or frame an answer as a page. Swagger UI,
 * a page with its own scripts and styles, keeps only the no-sniff and no-framing rules.
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	static final String PAGE_POLICY = "frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui")) {
			response.setHeader("Content-Security-Policy", PAGE_POLICY);
		}
		else {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader("Content-Security-Policy", API_POLICY);
		}
		chain.doFilter(request, response);
	}

}
