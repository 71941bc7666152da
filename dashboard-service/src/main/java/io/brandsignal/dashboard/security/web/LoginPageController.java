package io.brandsignal.dashboard.security.web;

import io.brandsignal.dashboard.security.LoginThrottle;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form; Spring Security processes what it posts.
 */
@Controller
class LoginPageController {

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		// set (with status 429) when LoginThrottle refused the posted login
		model.addAttribute("retryMinutes", request.getAttribute(LoginThrottle.RETRY_MINUTES_ATTRIBUTE));
		return "login";
	}

}
