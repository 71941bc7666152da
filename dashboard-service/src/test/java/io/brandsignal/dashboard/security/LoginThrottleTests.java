package io.brandsignal.dashboard.security;

import java.time.Duration;

import io.brandsignal.dashboard.DashboardProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final LoginThrottle throttle = new LoginThrottle(
			new DashboardProperties.Login(true, 3, Duration.ofMinutes(5), Duration.ofMinutes(5), 1000), this.registry);

	@Test
	void refusesAUsernameAndAnAddressOnlyOnceTheyReachTheFailureLimit() {
		fail("eve", "10.1.1.1");
		fail("eve", "10.1.1.2");
		assertThat(this.throttle.refusedFor("eve", "10.9.9.9")).isZero();
		fail("eve", "10.1.1.1");
		assertThat(this.throttle.refusedFor("eve", "10.9.9.9")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
		// 10.1.1.1 failed twice only; another name from it still passes
		assertThat(this.throttle.refusedFor("bob", "10.1.1.1")).isZero();
	}

	@Test
	void countsLoginsBySuccessAndFailure() {
		fail("eve", "10.1.1.1");
		fail("eve", "10.1.1.1");
		this.throttle.onApplicationEvent(new AuthenticationSuccessEvent(
				UsernamePasswordAuthenticationToken.authenticated("bob", null, java.util.List.of())));
		assertThat(this.registry.get(LoginThrottle.METER).tag("outcome", "failure").counter().count()).isEqualTo(2);
		assertThat(this.registry.get(LoginThrottle.METER).tag("outcome", "success").counter().count()).isEqualTo(1);
	}

	@Test
	void sanitisesAndTruncatesUsernamesForTheLog() {
		assertThat(LoginThrottle.sanitised("eve\r\nINFO forged")).isEqualTo("eve??INFO forged");
		assertThat(LoginThrottle.sanitised("x".repeat(100))).isEqualTo("x".repeat(64) + "…");
	}

	private void fail(String username, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
				"secret");
		token.setDetails(new WebAuthenticationDetails(request));
		this.throttle.onApplicationEvent(
				new AuthenticationFailureBadCredentialsEvent(token, new BadCredentialsException("bad")));
	}

}
