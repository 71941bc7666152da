package io.brandsignal.dashboard.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.brandsignal.dashboard.DashboardProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may see the dashboard. Besides actuator's (below), two filter chains:
 * <ul>
 * <li>the API ({@code /api/**}) takes read keys ({@code Authorization: Bearer}, {@link ReadKeyFilter}),
 * HTTP Basic of the people under {@code brandsignal.dashboard.users} and the session of a person logged
 * in on the pages; it never creates a session, so a cookie-less client gets none (Basic then costs a
 * bcrypt check per call, read keys one SHA-256). Calls without valid credentials get {@code 401} as a
 * problem detail with Bearer and Basic challenges, and every call is counted ({@link ApiCalls});</li>
 * <li>the pages take people only, with a form login (session, CSRF-protected); a read key is no login
 * there. Pages redirect to the login form.</li>
 * </ul>
 * Actuator has a chain of its own ({@link #actuatorSecurity}): health open, Prometheus scraping open only on
 * a separate management port.
 * Sessions are kept in PostgreSQL (Spring Session JDBC), so a person logged in on one dashboard instance is
 * logged in on all of them; the login throttle counts per instance ({@link LoginThrottle}).
 * Which brands each caller sees is {@link BrandAccess}'s to say.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private static final String REALM = "brandsignal dashboard";

	/**
	 * The pages' content security policy: scripts and styles only from files of this service (no inline
	 * styles either; the charts draw their tooltips on the canvas), no plug-ins, no {@code <base>}, forms
	 * post only here and no page may be framed.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Actuator: health open for probes. Prometheus scraping exports every brand's name with its indices
	 * and verdict counts, so it is open only on a separate management port (compose's 9000, which only
	 * Prometheus reaches); where actuator shares the application's port (the local launcher) a scrape needs
	 * a read key or a login that sees every brand, like any other read of every brand. Never a session.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorSecurity(HttpSecurity http, BrandAccess access, ManagementPort managementPort,
			LoginThrottle throttle) throws Exception {
		http.securityMatcher("/actuator", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.access((authentication, context) -> new AuthorizationDecision(
						managementPort.receives(context.getRequest()) || access.scopeOf(authentication.get()).all()))
				.anyRequest()
				.authenticated())
			.httpBasic((httpBasic) -> httpBasic.authenticationEntryPoint(unauthorized()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized()))
			.addFilterBefore(new ReadKeyFilter(access), BasicAuthenticationFilter.class)
			.addFilterBefore(throttle.filter(true), BasicAuthenticationFilter.class);
		return http.build();
	}

	/** Calls without valid credentials: {@code 401} as a problem detail with Bearer and Basic challenges. */
	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"" + REALM + "\", Basic realm=\"" + REALM + "\"");
			ApiCalls.problem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"Send 'Authorization: Bearer <read key>' or a dashboard user's HTTP Basic credentials");
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, BrandAccess access, ObjectProvider<MeterRegistry> registry,
			LoginThrottle throttle) throws Exception {
		AuthenticationEntryPoint unauthorized = unauthorized();
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// Basic keeps its default: the login holds for this request only, no session is made for it.
			.httpBasic((httpBasic) -> httpBasic.authenticationEntryPoint(unauthorized))
			// A person's session from the pages is honoured (the pages' scripts), but none is ever created here.
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized))
			.addFilterBefore(new ReadKeyFilter(access), BasicAuthenticationFilter.class)
			.addFilterBefore(throttle.filter(true), BasicAuthenticationFilter.class)
			.addFilterBefore(new ApiCalls(registry.getIfAvailable(SimpleMeterRegistry::new)),
					SecurityContextHolderFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain dashboardSecurity(HttpSecurity http, LoginThrottle throttle, ApplicationEventPublisher events)
			throws Exception {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName(REALM);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/assets/css/**", "/assets/favicon*.svg", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			// Basic for tools reading the API description; the login holds for the request only.
			.httpBasic((httpBasic) -> httpBasic.authenticationEntryPoint(basic))
			.logout((logout) -> logout.addLogoutHandler(sessionEnding(events)).logoutSuccessHandler(loggedOut()))
			.addFilterBefore(throttle.filter(false), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
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
	ManagementPort managementPort() {
		return new ManagementPort();
	}

	@Bean
	LoginThrottle loginThrottle(DashboardProperties properties, ObjectProvider<MeterRegistry> registry) {
		return new LoginThrottle(properties.login(), registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	/**
	 * Announces the end of the session being logged out of, so that the live streams opened in it end too.
	 * Sessions live in the database (Spring Session JDBC, shared by every instance), where the servlet
	 * container's session events never fire; streams on another instance end when they next reconnect.
	 */
	private static LogoutHandler sessionEnding(ApplicationEventPublisher events) {
		return (request, response, authentication) -> {
			HttpSession session = request.getSession(false);
			if (session != null) {
				events.publishEvent(new HttpSessionDestroyedEvent(session));
			}
		};
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
