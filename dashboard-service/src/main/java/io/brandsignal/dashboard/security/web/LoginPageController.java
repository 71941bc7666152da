package io.brandsignal.dashboard.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form; Spring Security processes what it posts.
 */
@Controller
class LoginPageController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
