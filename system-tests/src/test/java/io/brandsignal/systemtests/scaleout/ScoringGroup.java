package io.brandsignal.systemtests.scaleout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * What the broker says about scoring-service's consumer group: which observation partitions each member
 * (by Kafka client id) holds. Read with the Admin client, as an operator would with
 * {@code kafka-consumer-groups.sh --describe --members --verbose}.
 */
public final class ScoringGroup implements AutoCloseable {

	/** scoring-service's {@code spring.kafka.streams.application-id}, which Kafka Streams uses as group id. */
	public static final String GROUP = "brandsignal-scoring";

	/** Partitions of the observation topic as the launcher creates it ({@code brandsignal.topics.partitions}). */
	public static final int PARTITIONS = 6;

	private final Admin admin;

	public ScoringGroup(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** The observation partitions each member holds, by client id (Kafka Streams appends its thread's name). */
	public Map<String, Set<Integer>> observationPartitionsByMember() {
		try {
			ConsumerGroupDescription group = this.admin.describeConsumerGroups(List.of(GROUP))
				.describedGroups()
				.get(GROUP)
				.get(10, TimeUnit.SECONDS);
			Map<String, Set<Integer>> byMember = new TreeMap<>();
			for (MemberDescription member : group.members()) {
				Set<Integer> partitions = new TreeSet<>();
				for (TopicPartition partition : member.assignment().topicPartitions()) {
					if (partition.topic().equals(Topics.OBSERVATIONS.name())) {
						partitions.add(partition.partition());
					}
				}
				byMember.put(member.clientId(), partitions);
			}
			return byMember;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot describe consumer group " + GROUP, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The observation partition of a brand, worked out the way Kafka's default partitioner places a
	 * record keyed by the brand (murmur2 of the key's bytes), independently of the services.
	 */
	public static int partitionOf(String brand) {
		return Utils.toPositive(Utils.murmur2(brand.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
	}

	/** One brand name with the prefix for each observation partition, index = partition. */
	public static List<String> oneBrandPerPartition(String prefix) {
		String[] brands = new String[PARTITIONS];
		int found = 0;
		for (int i = 0; found < PARTITIONS; i++) {
			String brand = prefix + i;
			int partition = partitionOf(brand);
			if (brands[partition] == null) {
				brands[partition] = brand;
				found++;
			}
		}
		return List.of(brands);
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
