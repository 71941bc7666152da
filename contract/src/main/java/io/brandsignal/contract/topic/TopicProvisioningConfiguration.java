package io.brandsignal.contract.topic;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates every brandsignal topic that does not exist yet when a service starts, so whichever service
 * comes up first finds its topics (Kafka Streams needs its source topics before it starts).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
public class TopicProvisioningConfiguration {

	@Bean
	KafkaAdmin.NewTopics brandsignalTopics(TopicProperties properties) {
		return new KafkaAdmin.NewTopics(Topics.all()
			.stream()
			.map((topic) -> topic.toNewTopic(properties.partitions(), properties.replicationFactor()))
			.toArray(NewTopic[]::new));
	}

}
