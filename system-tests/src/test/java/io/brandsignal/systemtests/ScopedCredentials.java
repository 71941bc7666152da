package io.brandsignal.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Callers of the shared stack that may see or write one brand only, next to the development key, user
 * and read key that see everything: the security tests prove that their scope holds. They are passed to
 * the services after the launcher's own entries, through the same properties a deployment sets.
 */
public final class ScopedCredentials {

	/** The only brand the scoped callers may see or write. */
	public static final String SCOPED_BRAND = "sec-alpha";

	/** The ingest key allowed to write {@link #SCOPED_BRAND} only. */
	public static final String INGEST_KEY = "system-test-alpha-ingest-key";

	/** The read key allowed to read {@link #SCOPED_BRAND} only. */
	public static final String READ_KEY = "system-test-alpha-read-key";

	/** A person who sees {@link #SCOPED_BRAND} only. */
	public static final Login VIEWER = new Login("alpha-viewer", "alpha-viewer-password");

	/** A person whose name brute-force tests guess passwords for, so no other test's login is throttled. */
	public static final Login BRUTE_FORCE_TARGET = new Login("brute-target", "brute-target-password");

	/** A person who logs in from an address being throttled, and from another one. */
	public static final Login BYSTANDER = new Login("bystander", "bystander-password");

	/** A person whose live streams are counted, so no other test's streams count against the limit. */
	public static final Login STREAMER = new Login("streamer", "streamer-password");

	private static final List<Login> PEOPLE = List.of(VIEWER, BRUTE_FORCE_TARGET, BYSTANDER, STREAMER);

	private ScopedCredentials() {
	}

	/** A dashboard login name and password. */
	public record Login(String username, String password) {

		/** The HTTP Basic {@code Authorization} header value of this login. */
		public String basicAuthorization() {
			String pair = this.username + ":" + this.password;
			return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
		}

	}

	/**
	 * The Spring arguments by service: each list index after the launcher's own {@code [0]} entries.
	 */
	static Map<String, List<String>> arguments() {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
		List<String> dashboard = new ArrayList<>();
		for (int i = 0; i < PEOPLE.size(); i++) {
			String user = "--brandsignal.dashboard.users[" + (i + 1) + "].";
			dashboard.add(user + "username=" + PEOPLE.get(i).username());
			dashboard.add(user + "password-bcrypt=" + bcrypt.encode(PEOPLE.get(i).password()));
			dashboard.add(user + "brands=" + SCOPED_BRAND);
		}
		dashboard.add("--brandsignal.dashboard.read-keys[1].name=system-test-alpha-read");
		dashboard.add("--brandsignal.dashboard.read-keys[1].sha256=" + sha256Hex(READ_KEY));
		dashboard.add("--brandsignal.dashboard.read-keys[1].brands=" + SCOPED_BRAND);
		List<String> ingest = List.of("--brandsignal.ingest.api-keys[1].name=system-test-alpha",
				"--brandsignal.ingest.api-keys[1].sha256=" + sha256Hex(INGEST_KEY),
				"--brandsignal.ingest.api-keys[1].brands=" + SCOPED_BRAND);
		return Map.of("dashboard-service", dashboard, "ingest-service", ingest);
	}

	private static String sha256Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
