package io.brandsignal.scoring.cells;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One shared {@code String} per metric or channel name among the cells a stream task keeps in memory:
 * thousands of days repeat the same few names. Bounded, since channel names come from outside; past
 * the bound a name is kept as it is.
 */
final class CanonicalNames implements UnaryOperator<String> {

	private static final int LIMIT = 4096;

	private final Map<String, String> names = new HashMap<>();

	@Override
	public String apply(String name) {
		String known = this.names.get(name);
		if (known != null) {
			return known;
		}
		if (this.names.size() < LIMIT) {
			this.names.put(name, name);
		}
		return name;
	}

}
