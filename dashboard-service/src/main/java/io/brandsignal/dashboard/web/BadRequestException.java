package io.brandsignal.dashboard.web;

/**
 * A request parameter the dashboard cannot serve; answered with {@code 400} and a problem body.
 */
public class BadRequestException extends RuntimeException {

	private final String kind;

	private final String title;

	/**
	 * @param kind the problem type's last part, such as {@code unknown-verdict}
	 * @param title short summary of the problem type
	 * @param detail what is wrong with this request
	 */
	public BadRequestException(String kind, String title, String detail) {
		super(detail);
		this.kind = kind;
		this.title = title;
	}

	/** The problem type's last part, after {@code urn:brandsignal:problem:}. */
	public String kind() {
		return this.kind;
	}

	/** Short summary of the problem type. */
	public String title() {
		return this.title;
	}

}
