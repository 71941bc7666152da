package io.brandsignal.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The development API key, read key and demo login of a local stack. Documented and printed at start: they
 * protect nothing but a developer's own machine. The services only ever see their hashes.
 *
 * @param apiKey the bearer key for ingest-service, allowed to write every brand
 * @param demoUser the dashboard login name
 * @param demoPassword the dashboard password
 * @param readKey the bearer key for the dashboard API, allowed to read every brand
 */
public record Credentials(String apiKey, String demoUser, String demoPassword, String readKey) {

	/** The documented development key, used unless {@code BRANDSIGNAL_DEV_API_KEY} is set. */
	public static final String DEFAULT_API_KEY = "bsk_local_dev_key";

	/** The documented development read key, used unless {@code BRANDSIGNAL_DEV_READ_KEY} is set. */
	public static final String DEFAULT_READ_KEY = "bsr_local_dev_read_key";

	/** The documented demo login, used unless {@code BRANDSIGNAL_DEMO_USER} is set. */
	public static final String DEFAULT_DEMO_USER = "demo";

	/** The documented demo password, used unless {@code BRANDSIGNAL_DEMO_PASSWORD} is set. */
	public static final String DEFAULT_DEMO_PASSWORD = "demo-password";

	/**
	 * The launcher's own variables: no service binds them, so the services' environment goes without them
	 * (they would warn about each) and the plain-text secrets stay in the launcher.
	 */
	static final List<String> ENVIRONMENT_VARIABLES = List.of(Variable.API_KEY, Variable.DEMO_USER,
			Variable.DEMO_PASSWORD, Variable.READ_KEY);

	/** Credentials with the documented development read key. */
	public Credentials(String apiKey, String demoUser, String demoPassword) {
		this(apiKey, demoUser, demoPassword, DEFAULT_READ_KEY);
	}

	/** The credentials from the environment, falling back to the documented defaults. */
	public static Credentials fromEnvironment(Map<String, String> environment) {
		return new Credentials(environment.getOrDefault(Variable.API_KEY, DEFAULT_API_KEY),
				environment.getOrDefault(Variable.DEMO_USER, DEFAULT_DEMO_USER),
				environment.getOrDefault(Variable.DEMO_PASSWORD, DEFAULT_DEMO_PASSWORD),
				environment.getOrDefault(Variable.READ_KEY, DEFAULT_READ_KEY));
	}

	/** The names of the launcher's environment variables. */
	private static final class Variable {

		static final String API_KEY = "BRANDSIGNAL_DEV_API_KEY";

		static final String DEMO_USER = "BRANDSIGNAL_DEMO_USER";

		static final String DEMO_PASSWORD = "BRANDSIGNAL_DEMO_PASSWORD";

		static final String READ_KEY = "BRANDSIGNAL_DEV_READ_KEY";

	}

	/** The hex SHA-256 of the API key, as ingest-service expects it in configuration. */
	public String apiKeySha256() {
		return sha256Hex(this.apiKey);
	}

	/** The hex SHA-256 of the read key, as dashboard-service expects it in configuration. */
	public String readKeySha256() {
		return sha256Hex(this.readKey);
	}

	/** A bcrypt hash of the demo password, as dashboard-service expects it in configuration. */
	public String demoPasswordBcrypt() {
		return new BCryptPasswordEncoder().encode(this.demoPassword);
	}

	static String sha256Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
