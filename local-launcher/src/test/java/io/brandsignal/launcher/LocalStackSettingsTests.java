package io.brandsignal.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackSettingsTests {

	private static final Credentials CREDENTIALS = Credentials.fromEnvironment(Map.of());

	@Test
	void servicesListenOnLoopbackUnlessTheEnvironmentNamesAnotherAddress() {
		LocalStackSettings defaults = LocalStackSettings.defaults(Path.of("services"), CREDENTIALS)
			.withBindAddressFrom(Map.of());
		assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
		assertThat(defaults.bindArguments()).containsExactly("--server.address=127.0.0.1");

		LocalStackSettings everywhere = LocalStackSettings.defaults(Path.of("services"), CREDENTIALS)
			.withBindAddressFrom(Map.of("BRANDSIGNAL_LOCAL_BIND_ADDRESS", "0.0.0.0"));
		assertThat(everywhere.bindArguments()).containsExactly("--server.address=0.0.0.0");
	}

	@Test
	void testStacksListenOnLoopbackToo() {
		assertThat(LocalStackSettings.ephemeral(Path.of("data"), Path.of("services"), CREDENTIALS).bindAddress())
			.isEqualTo("127.0.0.1");
	}

}
