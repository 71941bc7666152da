package io.brandsignal.contract.topic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the brandsignal topics are created on the cluster, under {@code brandsignal.topics}. Existing
 * topics are left as they are.
 *
 * @param partitions partitions per topic; the upper bound on instances of one service that share work
 * @param replicationFactor copies of each partition; 1 for a single broker, 3 for a production cluster
 */
@ConfigurationProperties("brandsignal.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") int replicationFactor) {
}
