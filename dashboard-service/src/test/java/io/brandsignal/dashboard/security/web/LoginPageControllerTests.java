package io.brandsignal.dashboard.security.web;

import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.security.LoginThrottle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LoginPageController.class)
@WebSliceTest
class LoginPageControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void servesTheLoginFormWithCsrfTokenToAnyone() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("name=\"password\"")));
	}

	@Test
	void pagesAllowNoInlineStylesNoFramingAndFormsThatPostOnlyHere() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
					+ "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
					+ "form-action 'self'; frame-ancestors 'none'"));
	}

	@Test
	void logsInAConfiguredUserWithTheRightPassword() throws Exception {
		this.mvc.perform(formLogin("/login").user("tester").password("test-password"))
			.andExpect(authenticated().withUsername("tester"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin("/login").user("tester").password("nope"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void refusesFormLoginsOfAUsernameAfterTenFailuresFromAnyAddress() throws Exception {
		// a name no other test uses: the throttle lives as long as the shared test context
		for (int attempt = 0; attempt < 10; attempt++) {
			this.mvc.perform(login("intruder", "guess-" + attempt, "10.0.0.1"))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login("intruder", "guess", "10.0.0.2"))
			.andExpect(status().isTooManyRequests())
			.andExpect(unauthenticated())
			.andExpect(header().string("Retry-After", "300"))
			.andExpect(forwardedUrl("/login"))
			.andExpect(request().attribute(LoginThrottle.RETRY_MINUTES_ATTRIBUTE, 5L));
	}

	@Test
	void loginPageSaysHowLongToWaitWhenTheLoginWasThrottled() throws Exception {
		this.mvc.perform(get("/login").requestAttr(LoginThrottle.RETRY_MINUTES_ATTRIBUTE, 5L))
			.andExpect(content().string(containsString("Too many attempts, try again in 5 minutes")));
	}

	@Test
	void refusesBasicLoginsFromAnAddressAfterTenFailuresWithAProblemDetail() throws Exception {
		for (int attempt = 0; attempt < 10; attempt++) {
			this.mvc.perform(get("/api/v1/brands").with(httpBasic("nobody-" + attempt, "guess")).with(from("10.0.0.3")))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/brands").with(httpBasic("agent", "test-password")).with(from("10.0.0.3")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "300"))
			.andExpect(content().contentType("application/problem+json"));
		// another address is still served
		this.mvc.perform(get("/api/v1/brands").with(httpBasic("agent", "test-password")).with(from("10.0.0.4")))
			.andExpect(status().is(org.hamcrest.Matchers.not(429)));
	}

	private static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
