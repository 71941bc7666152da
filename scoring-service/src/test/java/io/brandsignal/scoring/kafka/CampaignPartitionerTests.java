package io.brandsignal.scoring.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign lands on the partition of its brand's observations, as the producers' default partitioner places
 * them (keyed by brand), whatever its id and the partition count.
 */
class CampaignPartitionerTests {

	@ParameterizedTest
	@CsvSource({ "acme,spring-promo,6", "acme,x,6", "it-1234abcd-promo,spring-promo,6", "zeta,launch,1",
			"zeta,launch,12", "brand-with-a-long-name_2,summer-2026,7" })
	void placesACampaignWhereItsBrandsObservationsAre(String brand, String id, int partitions) {
		int observations = BuiltInPartitioner.partitionForKey(brand.getBytes(StandardCharsets.UTF_8), partitions);

		assertThat(new CampaignPartitioner().partitions("any", brand + "|" + id, null, partitions))
			.contains(Set.of(observations));
	}

}
