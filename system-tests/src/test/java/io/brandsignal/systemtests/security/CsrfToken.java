package io.brandsignal.systemtests.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSRF token of the dashboard's forms (the hidden {@code _csrf} field Thymeleaf adds to each form),
 * which a test posting the login or logout form sends back as a browser would.
 */
public final class CsrfToken {

	private static final Pattern FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private CsrfToken() {
	}

	public static String in(String html) {
		Matcher token = FIELD.matcher(html);
		assertThat(token.find()).as("a form's CSRF token in %s", html).isTrue();
		return token.group(1);
	}

}
