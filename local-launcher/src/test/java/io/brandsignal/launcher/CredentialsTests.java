package io.brandsignal.launcher;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTests {

	@Test
	void hashesTheApiKeyWithSha256AsHex() {
		// FIPS 180-2 test vector for "abc".
		assertThat(new Credentials("abc", "u", "p").apiKeySha256())
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void hashesTheDemoPasswordWithBcrypt() {
		String hash = new Credentials("k", "demo", "s3cret").demoPasswordBcrypt();
		assertThat(hash).startsWith("$2a$");
		assertThat(new BCryptPasswordEncoder().matches("s3cret", hash)).isTrue();
	}

	@Test
	void takesCredentialsFromTheEnvironmentOrTheDocumentedDefaults() {
		assertThat(Credentials.fromEnvironment(Map.of())).isEqualTo(new Credentials(Credentials.DEFAULT_API_KEY,
				Credentials.DEFAULT_DEMO_USER, Credentials.DEFAULT_DEMO_PASSWORD));
		assertThat(Credentials.fromEnvironment(Map.of("BRANDSIGNAL_DEV_API_KEY", "mine")).apiKey()).isEqualTo("mine");
	}

}
