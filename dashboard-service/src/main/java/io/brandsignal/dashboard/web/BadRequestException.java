package io.brandsignal.dashboard.web;

/**
 * A request parameter the dashboard cannot serve; answered with {@code 400} and a problem body.
 */
public class BadRequestException extends RuntimeException {

	private final String title;

	public BadRequestException(String title, String detail) {
		super(detail);
		this.title = title;
	}

	/** Short summary of the problem type. */
	public String title() {
		return this.title;
	}

}
