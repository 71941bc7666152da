package io.brandsignal.ingest.auth;

import java.util.List;

import io.brandsignal.contract.access.ApiKeyDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyAuthenticatorTests {

	// printf %s shop-secret-key | sha256sum
	private static final String SHOP_SHA256 = "74d63c7c95baf44dc70998e8ac8e03264cc7173bc782fd91b77dcdd0c2d436f7";

	private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(new ApiKeyProperties(
			List.of(new ApiKeyDefinition("shop", SHOP_SHA256.toUpperCase(), List.of("acme", " globex ")))));

	@Test
	void authenticatesConfiguredKeyByItsHashWhateverTheCaseOfBearer() {
		ApiClient client = this.authenticator.authenticate("bearer shop-secret-key");
		assertThat(client.name()).isEqualTo("shop");
		assertThat(client.mayWrite("acme")).isTrue();
		assertThat(client.mayWrite("globex")).isTrue();
		assertThat(client.mayWrite("initech")).isFalse();
	}

	@Test
	void refusesUnknownKeyWithoutNamingIt() {
		assertThatThrownBy(() -> this.authenticator.authenticate("Bearer shop-secret-kez"))
			.isInstanceOf(UnauthorizedException.class)
			.hasMessage("Unknown API key");
	}

	@Test
	void refusesMissingOrNonBearerCredentials() {
		assertThatThrownBy(() -> this.authenticator.authenticate(null)).isInstanceOf(UnauthorizedException.class);
		assertThatThrownBy(() -> this.authenticator.authenticate("Bearer ")).isInstanceOf(UnauthorizedException.class);
		assertThatThrownBy(() -> this.authenticator.authenticate("shop-secret-key"))
			.isInstanceOf(UnauthorizedException.class);
	}

	@Test
	void wildcardScopeAllowsEveryBrand() {
		ApiKeyAuthenticator wildcard = new ApiKeyAuthenticator(
				new ApiKeyProperties(List.of(new ApiKeyDefinition("agency", SHOP_SHA256, List.of("*")))));
		assertThat(wildcard.authenticate("Bearer shop-secret-key").mayWrite("anything")).isTrue();
	}

	@Test
	void refusesToStartWithTwoKeysOfTheSameName() {
		String otherSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApiKeyAuthenticator(
					new ApiKeyProperties(List.of(new ApiKeyDefinition("shop", SHOP_SHA256, List.of("acme")),
							new ApiKeyDefinition("shop", otherSha256, List.of("globex"))))))
			.withMessageContaining("named 'shop'");
	}

	@Test
	void refusesToStartWithAKeyThatIsNotAHash() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApiKeyAuthenticator(new ApiKeyProperties(
					List.of(new ApiKeyDefinition("shop", "shop-secret-key", List.of("*"))))))
			.withMessage("API key 'shop': sha256 must be the 64-character hex SHA-256 hash of the key");
		assertThatIllegalStateException().isThrownBy(() -> new ApiKeyAuthenticator(
				new ApiKeyProperties(List.of(new ApiKeyDefinition("shop", SHOP_SHA256, List.of())))));
	}

}
