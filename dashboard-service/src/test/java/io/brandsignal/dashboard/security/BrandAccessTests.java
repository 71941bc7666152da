package io.brandsignal.dashboard.security;

import java.util.LinkedHashMap;
import java.util.Map;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.DashboardProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BrandAccessTests {

	private static final String BCRYPT = "$2a$04$jse4EzmLsCDqaXX1fyJAk.XZy2WH5DlZNQPJ8LjMXnssY/ZDY9IUi";

	@Test
	void expandsGroupsInAPersonsBrands() {
		BrandAccess access = access(Map.of("users[0].username", "agent", "users[0].password-bcrypt", BCRYPT,
				"users[0].brands", "@clients,solo", "brand-groups.clients", "acme,globex"));

		BrandScope scope = access.scopeOf(login("agent"));

		assertThat(scope.brands()).containsExactlyInAnyOrder("acme", "globex", "solo");
		assertThat(scope.all()).isFalse();
		// a login the configuration does not know sees nothing
		assertThat(access.scopeOf(login("stranger")).includes("acme")).isFalse();
	}

	@Test
	void refusesToStartWithAPersonWithoutBrands() {
		assertThatIllegalStateException()
			.isThrownBy(() -> access(Map.of("users[0].username", "marketing", "users[0].password-bcrypt", BCRYPT)))
			.withMessageContaining("'marketing' has no brands");
		assertThatIllegalStateException()
			.isThrownBy(() -> access(Map.of("users[0].username", "marketing", "users[0].password-bcrypt", BCRYPT,
					"users[0].brands", "")))
			.withMessage("Dashboard user 'marketing': brands must list brand slugs or '*' for all brands");
	}

	@Test
	void refusesToStartWithAnUndefinedGroup() {
		assertThatIllegalStateException()
			.isThrownBy(() -> access(Map.of("read-keys[0].name", "bi", "read-keys[0].sha256",
					"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "read-keys[0].brands", "@nobody")))
			.withMessageContaining("'@nobody' is not defined");
	}

	private static BrandAccess access(Map<String, String> settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		settings.forEach((name, value) -> properties.put("brandsignal.dashboard." + name, value));
		return new BrandAccess(new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("brandsignal.dashboard", DashboardProperties.class));
	}

	private static UsernamePasswordAuthenticationToken login(String name) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "", AuthorityUtils.createAuthorityList("ROLE_USER"));
	}

}
