package io.brandsignal.dashboard.security;

import java.util.List;

import io.brandsignal.contract.access.KeyHolder;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A system authenticated by its read key, for this request only: it never reaches a session.
 */
final class ReadKeyAuthentication extends AbstractAuthenticationToken {

	private final KeyHolder holder;

	ReadKeyAuthentication(KeyHolder holder) {
		super(List.of(new SimpleGrantedAuthority("ROLE_READ_KEY")));
		this.holder = holder;
		setAuthenticated(true);
	}

	KeyHolder holder() {
		return this.holder;
	}

	@Override
	public Object getCredentials() {
		// the key itself is never kept
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.holder.name();
	}

}
