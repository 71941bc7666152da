package io.brandsignal.contract.config;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;

/**
 * The {@code BRANDSIGNAL_*} environment variables a service binds, derived from its
 * {@code @ConfigurationProperties} types the way Spring Boot's relaxed binding reads the environment:
 * {@code brandsignal.topics.replication-factor} is {@code BRANDSIGNAL_TOPICS_REPLICATIONFACTOR}, the
 * list {@code brandsignal.ingest.api-keys[0].brands[1]} is {@code BRANDSIGNAL_INGEST_APIKEYS_0_BRANDS_1} (or
 * the whole list comma-separated in {@code BRANDSIGNAL_INGEST_APIKEYS_0_BRANDS}), and a map takes any key.
 */
public final class KnownEnvironmentVariables {

	/** What every variable this check looks at starts with. */
	public static final String PREFIX = "BRANDSIGNAL_";

	/** Nesting this deep is no configuration of ours; stop there rather than follow a cycle. */
	private static final int MAX_DEPTH = 8;

	private final List<Pattern> patterns;

	private KnownEnvironmentVariables(List<Pattern> patterns) {
		this.patterns = patterns;
	}

	/**
	 * The variables that bind to the given configuration properties.
	 * @param settings each {@code @ConfigurationProperties} prefix and the type bound to it
	 * @return the known variables
	 */
	public static KnownEnvironmentVariables of(Collection<Setting> settings) {
		List<String> regexes = new ArrayList<>();
		settings.forEach((setting) -> collect(environmentForm(setting.prefix()), ResolvableType.forClass(setting.type()),
				regexes, 0));
		return new KnownEnvironmentVariables(regexes.stream().map(Pattern::compile).toList());
	}

	/** The {@code BRANDSIGNAL_*} names of {@code environment} that no setting binds, in order. */
	public List<String> unknown(Map<String, String> environment) {
		return environment.keySet()
			.stream()
			.filter((name) -> name.startsWith(PREFIX))
			.filter((name) -> this.patterns.stream().noneMatch((pattern) -> pattern.matcher(name).matches()))
			.sorted()
			.toList();
	}

	private static void collect(String name, ResolvableType type, List<String> regexes, int depth) {
		Class<?> raw = type.resolve(Object.class);
		if (depth > MAX_DEPTH) {
			regexes.add(name + "(_.+)?");
		}
		else if (type.isArray() || Collection.class.isAssignableFrom(raw)) {
			// The whole list comma-separated, or item by item.
			regexes.add(name);
			ResolvableType element = type.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
			collect(name + "_[0-9]+", element, regexes, depth + 1);
		}
		else if (Map.class.isAssignableFrom(raw)) {
			regexes.add(name + "_.+");
		}
		else if (raw.isRecord()) {
			for (RecordComponent component : raw.getRecordComponents()) {
				collect(name + "_" + environmentForm(component.getName()),
						ResolvableType.forType(component.getGenericType()), regexes, depth + 1);
			}
		}
		else if (isJavaBean(raw)) {
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(raw)) {
				if (property.getWriteMethod() != null || (property.getReadMethod() != null
						&& !BeanUtils.isSimpleValueType(property.getPropertyType()))) {
					collect(name + "_" + environmentForm(property.getName()),
							ResolvableType.forMethodReturnType(property.getReadMethod()), regexes, depth + 1);
				}
			}
		}
		else {
			regexes.add(name);
		}
	}

	private static boolean isJavaBean(Class<?> type) {
		if (type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")
				|| BeanUtils.isSimpleValueType(type)) {
			return false;
		}
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null && property.getReadMethod() != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One {@code @ConfigurationProperties} type and where it binds.
	 *
	 * @param prefix its prefix, e.g. {@code brandsignal.topics}
	 * @param type the type bound there
	 */
	public record Setting(String prefix, Class<?> type) {
	}

	/** {@code brandsignal.rate-limit} or {@code replicationFactor} as the environment spells it. */
	private static String environmentForm(String name) {
		return name.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
	}

}
