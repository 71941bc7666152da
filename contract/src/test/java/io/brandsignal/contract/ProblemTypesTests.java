package io.brandsignal.contract;

import java.net.URI;

import io.brandsignal.contract.problem.ProblemTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemTypesTests {

	@Test
	void namesEveryKindOfProblemInTheBrandsignalUrnScheme() {
		assertThat(ProblemTypes.of("kafka-unavailable")).isEqualTo(URI.create("urn:brandsignal:problem:kafka-unavailable"));
	}

	@Test
	void refusesKindsThatWouldMakeAnUnmatchableType() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProblemTypes.of("Kafka Unavailable"));
		assertThatIllegalArgumentException().isThrownBy(() -> ProblemTypes.of(""));
	}

}
