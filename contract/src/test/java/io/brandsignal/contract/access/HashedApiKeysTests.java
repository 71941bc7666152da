package io.brandsignal.contract.access;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HashedApiKeysTests {

	// printf %s shop-secret-key | sha256sum
	private static final String SHOP_SHA256 = "74d63c7c95baf44dc70998e8ac8e03264cc7173bc782fd91b77dcdd0c2d436f7";

	@Test
	void findsTheHolderOfAKeyByItsHash() {
		HashedApiKeys keys = new HashedApiKeys("test.keys", "Key",
				List.of(new ApiKeyDefinition("shop", SHOP_SHA256, List.of("acme", " globex", ""))));

		assertThat(keys.find("shop-secret-key"))
			.contains(new KeyHolder("shop", new BrandScope(Set.of("acme", "globex"), false)));
		assertThat(keys.find("shop-secret-kez")).isEmpty();
		assertThat(keys.names()).containsExactly("shop");
	}

	@Test
	void refusesAnEmptyBrandListRatherThanReadingItAsEveryBrand() {
		// an unset environment variable binds as an empty list or as one blank entry
		for (List<String> empty : List.of(List.<String>of(), List.of(""), List.of(" ", ""))) {
			assertThatIllegalStateException()
				.isThrownBy(() -> new HashedApiKeys("test.keys", "Key",
						List.of(new ApiKeyDefinition("shop", SHOP_SHA256, empty))))
				.withMessage("Key 'shop': brands must list brand slugs or '*' for all brands");
		}
	}

	@Test
	void rewritesBrandEntriesBeforeReadingThem() {
		HashedApiKeys keys = new HashedApiKeys("test.keys", "Key",
				List.of(new ApiKeyDefinition("agency", SHOP_SHA256, List.of("@clients"))),
				(entries) -> List.of("acme", "initech"));

		BrandScope scope = keys.find("shop-secret-key").orElseThrow().scope();
		assertThat(scope.includes("initech")).isTrue();
		assertThat(scope.includes("@clients")).isFalse();
	}

	@Test
	void readsOnlyBearerTokens() {
		assertThat(HashedApiKeys.bearerToken("bEaReR abc ")).contains("abc");
		assertThat(HashedApiKeys.bearerToken("Bearer  ")).isEmpty();
		assertThat(HashedApiKeys.bearerToken("Basic dGVzdDp0ZXN0")).isEmpty();
		assertThat(HashedApiKeys.bearerToken(null)).isEmpty();
	}

	@Test
	void wildcardScopeIncludesEveryBrand() {
		assertThat(BrandScope.of(List.of("acme", "*"), "Key 'x'")).isEqualTo(BrandScope.ALL);
		assertThat(BrandScope.ALL.includes("anything")).isTrue();
	}

	@Test
	void rateLimitRefusesTheRequestAfterTheBurstAndSaysWhenToComeBack() {
		// one request per hour: the second one waits (almost) the whole hour
		RateLimits limits = new RateLimits("test.rate-limit", true, 1, 1, Duration.ofHours(1));

		assertThat(limits.tryAcquire("shop")).isEmpty();
		assertThat(limits.tryAcquire("shop")).hasValueSatisfying(
				(wait) -> assertThat(wait).isBetween(Duration.ofMinutes(59), Duration.ofHours(1)));
		assertThat(limits.tryAcquire("other")).isEmpty();
	}

}
