package io.brandsignal.systemtests.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ScopedCredentials;
import io.brandsignal.systemtests.ScopedCredentials.Login;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.brandsignal.systemtests.SystemTestStack.getFromDashboard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing against the dashboard (issue 12, finding 8), by the throttling spec: after
 * {@link #MAX_FAILURES} failed logins for one username, or from one address, within
 * {@link #WINDOW}, further attempts are refused with {@code 429} for {@link #LOCKOUT} without a bcrypt
 * check (the API as a problem with {@code Retry-After}, the form with a 429 page). Every guess comes from
 * an address of its own in {@code 127.0.0.0/8} ({@link LoopbackHttp}), so the other system tests, calling
 * from {@code 127.0.0.1}, are never throttled.
 */
class BruteForceSecurityTests {

	/** Failed logins allowed per username, and per address, within {@link #WINDOW}. */
	private static final int MAX_FAILURES = 10;

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Duration LOCKOUT = Duration.ofMinutes(5);

	private static final int THROTTLED = 429;

	/** How many guesses the measurement sends at most when nothing throttles it. */
	private static final int MEASUREMENT_CAP = 40;

	private static LocalStack stack;

	@BeforeAll
	static void startStack() {
		stack = SystemTestStack.get();
	}

	@Test
	void refusesAUsernameAfterTenFailedLoginsEvenWithTheRightPasswordFromElsewhere() {
		Login target = ScopedCredentials.BRUTE_FORCE_TARGET;
		LoopbackHttp attacker = dashboardFrom("127.0.0.2");
		for (int i = 0; i < MAX_FAILURES; i++) {
			assertThat(basicLogin(attacker, target.username(), "guess-" + i).status()).as("guess %d", i).isEqualTo(401);
		}
		LoopbackHttp owner = dashboardFrom("127.0.0.3");
		LoopbackHttp.Response api = basicLogin(owner, target.username(), target.password());
		assertThat(api.status()).isEqualTo(THROTTLED);
		assertThat(api.header("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.header("Retry-After")).hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds))
			.isPositive()
			.isLessThanOrEqualTo(LOCKOUT.toSeconds()));
		assertThat(formLogin(owner, target.username(), target.password()).status()).isEqualTo(THROTTLED);
		// Other people are not locked out with them.
		assertThat(getFromDashboard(stack, "/api/v1/brands").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAnAddressAfterTenFailedFormLoginsForAnyNames() {
		LoopbackHttp attacker = dashboardFrom("127.0.0.4");
		for (int i = 0; i < MAX_FAILURES; i++) {
			LoopbackHttp.Response failed = formLogin(attacker, "nobody-" + i, "guess");
			assertThat(failed.status()).as("guess %d", i).isEqualTo(302);
			assertThat(failed.header("Location")).hasValueSatisfying(
					(location) -> assertThat(location).endsWith("/login?error"));
		}
		Login bystander = ScopedCredentials.BYSTANDER;
		assertThat(formLogin(attacker, bystander.username(), bystander.password()).status()).isEqualTo(THROTTLED);
		assertThat(basicLogin(attacker, bystander.username(), bystander.password()).status()).isEqualTo(THROTTLED);
		// The same person from another address logs in: the address is throttled, not the name.
		LoopbackHttp.Response elsewhere = formLogin(dashboardFrom("127.0.0.5"), bystander.username(), bystander.password());
		assertThat(elsewhere.status()).isEqualTo(302);
		assertThat(elsewhere.header("Location")).hasValueSatisfying(
				(location) -> assertThat(location).doesNotContain("/login"));
	}

	@Test
	void measuresLoginAttemptsAcceptedBeforeThrottling() {
		LoopbackHttp attacker = dashboardFrom("127.0.0.6");
		long started = System.nanoTime();
		int accepted = 0;
		while (accepted < MEASUREMENT_CAP && basicLogin(attacker, "guessed-" + accepted, "guess").status() != THROTTLED) {
			accepted++;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf(Locale.ROOT,
				"[security] login attempts accepted before throttling from one address: %d in %.1f s (%.0f per minute "
						+ "while accepted; %s)%n",
				accepted, seconds, accepted * 60 / seconds,
				(accepted < MEASUREMENT_CAP) ? "then refused: at most " + accepted + " per " + WINDOW.toMinutes()
						+ " minutes, " + (accepted / (double) WINDOW.toMinutes()) + " per minute sustained"
						: "never throttled within " + MEASUREMENT_CAP + " attempts");
		assertThat(accepted).isEqualTo(MAX_FAILURES);
	}

	private LoopbackHttp dashboardFrom(String address) {
		return new LoopbackHttp(address, stack.dashboardUrl());
	}

	private static LoopbackHttp.Response basicLogin(LoopbackHttp client, String username, String password) {
		return client.get("/api/v1/brands", Map.of("Authorization", new Login(username, password).basicAuthorization(),
				"Accept", "application/json"));
	}

	/** The login form as a browser sends it: the form's page first (session and CSRF token), then the post. */
	private static LoopbackHttp.Response formLogin(LoopbackHttp client, String username, String password) {
		LoopbackHttp.Response page = client.get("/login", Map.of("Accept", "text/html"));
		String cookie = page.header("Set-Cookie").orElseThrow().split(";")[0];
		return client.postForm("/login", Map.of("Cookie", cookie, "Accept", "text/html"),
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(CsrfToken.in(page.body())));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
