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
				Credentials.DEFAULT_DEMO_USER, Credentials.DEFAULT_DEMO_PASSWORD, Credentials.DEFAULT_READ_KEY));
		assertThat(Credentials.fromEnvironment(Map.of("BRANDSIGNAL_DEV_API_KEY", "mine")).apiKey()).isEqualTo("mine");
		assertThat(Credentials.fromEnvironment(Map.of("BRANDSIGNAL_DEV_READ_KEY", "reader")).readKey())
			.isEqualTo("reader");
	}

	@Test
	void hashesTheReadKeyWithSha256AsHex() {
		// printf %s bsr_local_dev_read_key | sha256sum
		assertThat(Credentials.fromEnvironment(Map.of()).readKeySha256())
			.isEqualTo("ddf08011304a5e3378cfc543d5ca3186c9bba45871e1a504b48dc0b82d92e314");
	}

}
