package io.brandsignal.contract.config;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.brandsignal.contract.config.KnownEnvironmentVariables.Setting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationListener;

/**
 * Reports, at start-up, each {@code BRANDSIGNAL_*} environment variable that no setting of this service
 * binds: a misspelt variable is otherwise silently ignored and the service runs on its default. Registered
 * for every service in {@code META-INF/spring.factories}; the known names come from the
 * {@code @ConfigurationProperties} beans the service actually has ({@link KnownEnvironmentVariables}).
 */
public class UnknownEnvironmentVariablesListener implements ApplicationListener<ApplicationStartedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(UnknownEnvironmentVariablesListener.class);

	private final Supplier<Map<String, String>> environment;

	public UnknownEnvironmentVariablesListener() {
		this(System::getenv);
	}

	UnknownEnvironmentVariablesListener(Supplier<Map<String, String>> environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		List<Setting> settings = ConfigurationPropertiesBean.getAll(event.getApplicationContext())
			.values()
			.stream()
			.filter((bean) -> bean.getAnnotation().prefix().startsWith("brandsignal"))
			.map((bean) -> new Setting(bean.getAnnotation().prefix(), bean.asBindTarget().getType().resolve(Object.class)))
			.toList();
		for (String name : KnownEnvironmentVariables.of(settings).unknown(this.environment.get())) {
			logger.warn("Environment variable {} sets nothing in this service and is ignored: no setting binds "
					+ "it (check its spelling against the README's 'Configuring each service')", name);
		}
	}

}
