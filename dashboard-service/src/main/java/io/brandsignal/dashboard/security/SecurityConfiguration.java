package io.brandsignal.dashboard.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.brandsignal.dashboard.DashboardProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see the dashboard: people log in with a form (session, CSRF-protected), API clients send
 * HTTP Basic; both with the users configured under {@code brandsignal.dashboard.users} (bcrypt hashes).
 * Only health and Prometheus scraping are open. API calls without credentials get {@code 401} with a
 * Basic challenge; pages redirect to the login form. An API client that keeps the session cookie of
 * its first authenticated call is not asked to prove its password (a deliberately slow bcrypt check)
 * again on every call.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	@Bean
	SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("brandsignal dashboard");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/login", "/assets/css/**", "/assets/favicon*.svg", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			// A client that keeps the session cookie pays for the bcrypt check once, not on every call.
			.httpBasic((httpBasic) -> httpBasic.authenticationEntryPoint(basic)
				.securityContextRepository(new DelegatingSecurityContextRepository(
						new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
			.logout((logout) -> logout.logoutSuccessHandler(loggedOut()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(basic, api)
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
							+ "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * Logins are observed ({@code spring.security.authentications}), but not every request's walk
	 * through the security filters nor its authorization: those observations wrapped each of about
	 * fifteen filters, several percent of a cached read's CPU (issue 5's benchmark, BENCHMARK.md), and
	 * denied requests already show as 401 and 403 in {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	private static SimpleUrlLogoutSuccessHandler loggedOut() {
		SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
		handler.setDefaultTargetUrl("/login?logout");
		return handler;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager dashboardUsers(DashboardProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (DashboardProperties.User user : properties.users()) {
			if (user.username() == null || user.username().isBlank()) {
				throw new IllegalStateException("brandsignal.dashboard.users: a user has no username");
			}
			if (!names.add(user.username())) {
				throw new IllegalStateException("brandsignal.dashboard.users: '" + user.username() + "' is listed twice");
			}
			if (user.passwordBcrypt() == null || !BCRYPT.matcher(user.passwordBcrypt()).matches()) {
				throw new IllegalStateException("brandsignal.dashboard.users: the password-bcrypt of '"
						+ user.username() + "' is not a bcrypt hash ($2a$, $2b$ or $2y$)");
			}
			users.add(User.withUsername(user.username()).password(user.passwordBcrypt()).roles("USER").build());
		}
		return new InMemoryUserDetailsManager(users);
	}

}
