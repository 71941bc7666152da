package io.brandsignal.contract.config;

import java.time.Duration;
import java.util.Map;

import io.brandsignal.contract.topic.TopicProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UnknownEnvironmentVariablesListenerTests {

	@Test
	void warnsAtStartUpNamingEachVariableNoSettingBinds(CapturedOutput output) {
		Map<String, String> environment = Map.of("BRANDSIGNAL_TOPIC_PARTITIONS", "12", "BRANDSIGNAL_TOPICS_PARTITIONS",
				"12", "INGEST_API_KEY_SHA256", "ab12");
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(TopicSettings.class)) {
			new UnknownEnvironmentVariablesListener(() -> environment).onApplicationEvent(
					new ApplicationStartedEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		}

		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")))
			.singleElement()
			.asString()
			.contains("BRANDSIGNAL_TOPIC_PARTITIONS")
			.doesNotContain("BRANDSIGNAL_TOPICS_PARTITIONS");
	}

	@Test
	void isRegisteredForEveryServiceThatHasTheContract() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
			.hasAtLeastOneElementOfType(UnknownEnvironmentVariablesListener.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TopicProperties.class)
	static class TopicSettings {

	}

}
