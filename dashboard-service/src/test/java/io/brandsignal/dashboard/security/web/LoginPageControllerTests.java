package io.brandsignal.dashboard.security.web;

import io.brandsignal.dashboard.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
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
	void logsInAConfiguredUserWithTheRightPassword() throws Exception {
		this.mvc.perform(formLogin("/login").user("tester").password("test-password"))
			.andExpect(authenticated().withUsername("tester"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin("/login").user("tester").password("nope"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

}
