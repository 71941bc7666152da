package io.brandsignal.dashboard.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.access.HashedApiKeys;
import io.brandsignal.contract.access.KeyHolder;
import io.brandsignal.contract.access.RateLimits;
import io.brandsignal.dashboard.DashboardProperties;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which brands each caller may see: people by the {@code brands} of their login, systems by the
 * {@code brands} of their read key, both as brand slugs, {@code @group} names of
 * {@code brandsignal.dashboard.brand-groups} or {@code *}. Read keys are held only as SHA-256 hashes
 * ({@link HashedApiKeys}, the implementation ingest's API keys use) and each has a rate limit of its
 * own. A configuration that leaves anyone's brands empty or names an unknown group stops the service
 * from starting.
 */
@Component
public class BrandAccess {

	/** What an authenticated caller that is neither a configured person nor a read key may see. */
	private static final BrandScope NOTHING = new BrandScope(Set.of(), false);

	private static final String GROUP_PREFIX = "@";

	private final Map<String, BrandScope> people = new HashMap<>();

	private final HashedApiKeys readKeys;

	private final RateLimits rateLimits;

	public BrandAccess(DashboardProperties properties) {
		Map<String, List<String>> groups = properties.brandGroups();
		for (DashboardProperties.User user : properties.users()) {
			if (user.brands() == null) {
				throw new IllegalStateException("brandsignal.dashboard.users: '" + user.username()
						+ "' has no brands: list brand slugs, @group names or '*' for every brand");
			}
			this.people.put(user.username(),
					BrandScope.of(expand(groups, user.brands()), "Dashboard user '" + user.username() + "'"));
		}
		this.readKeys = new HashedApiKeys("brandsignal.dashboard.read-keys", "Read key", properties.readKeys(),
				(entries) -> expand(groups, entries));
		DashboardProperties.RateLimit limit = properties.readRateLimit();
		this.rateLimits = new RateLimits("brandsignal.dashboard.read-rate-limit", limit.enabled(), limit.capacity(),
				limit.refillTokens(), limit.refillPeriod());
	}

	private static List<String> expand(Map<String, List<String>> groups, List<String> entries) {
		List<String> brands = new ArrayList<>();
		for (String entry : entries) {
			String trimmed = entry.trim();
			if (trimmed.startsWith(GROUP_PREFIX)) {
				List<String> group = groups.get(trimmed.substring(GROUP_PREFIX.length()));
				if (group == null) {
					throw new IllegalStateException("Brand group '" + trimmed
							+ "' is not defined under brandsignal.dashboard.brand-groups");
				}
				brands.addAll(group);
			}
			else {
				brands.add(trimmed);
			}
		}
		return brands;
	}

	/**
	 * The brands an authenticated caller may see.
	 * @param authentication a person's login or a read key
	 * @return the scope; nothing for a caller the configuration does not know
	 */
	public BrandScope scopeOf(Authentication authentication) {
		if (authentication instanceof ReadKeyAuthentication key) {
			return key.holder().scope();
		}
		if (authentication == null || !authentication.isAuthenticated()) {
			return NOTHING;
		}
		return this.people.getOrDefault(authentication.getName(), NOTHING);
	}

	/** The holder of a presented read key, if it is one. */
	Optional<KeyHolder> readKey(String key) {
		return this.readKeys.find(key);
	}

	/** Takes one request from a read key's budget; how long to wait when it is used up. */
	Optional<Duration> tryAcquire(KeyHolder key) {
		return this.rateLimits.tryAcquire(key.name());
	}

}
