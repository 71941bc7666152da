package io.brandsignal.contract;

import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.catalog.MetricTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MetricCatalogTests {

	private final MetricCatalog catalog = MetricCatalog.defaults();

	@Test
	void holdsTheNineteenDefaultMetricsOfTheDesign() {
		assertThat(this.catalog.metrics()).hasSize(19);
		assertThat(this.catalog.metrics().stream().filter((m) -> m.category() == MetricCategory.VANITY)).hasSize(8);
	}

	@Test
	void classifiesFollowersAsVanityLevelAndSalesAsImpactFlow() {
		MetricDefinition followers = this.catalog.find("followers").orElseThrow();
		assertThat(followers.category()).isEqualTo(MetricCategory.VANITY);
		assertThat(followers.kind()).isEqualTo(MetricKind.LEVEL);
		MetricDefinition sales = this.catalog.find("sales_revenue").orElseThrow();
		assertThat(sales.tier()).isEqualTo(MetricTier.IMPACT);
		assertThat(sales.kind()).isEqualTo(MetricKind.FLOW);
	}

	@Test
	void checksEachMetricsRange() {
		assertThat(this.catalog.find("brand_awareness").orElseThrow().accepts(100.5)).isFalse();
		assertThat(this.catalog.find("nps").orElseThrow().accepts(-100)).isTrue();
		assertThat(this.catalog.find("sentiment").orElseThrow().accepts(-1.01)).isFalse();
		assertThat(this.catalog.find("likes").orElseThrow().accepts(-1)).isFalse();
		assertThat(this.catalog.find("likes").orElseThrow().accepts(Double.POSITIVE_INFINITY)).isFalse();
		assertThat(this.catalog.find("likes").orElseThrow().accepts(Double.NaN)).isFalse();
		assertThat(this.catalog.find("nps").orElseThrow().describeRange()).isEqualTo("-100..100");
		assertThat(this.catalog.find("likes").orElseThrow().describeRange()).isEqualTo(">= 0");
	}

	@Test
	void refusesAnAddedMetricThatRedefinesADefault() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalog.withAdditional(
				List.of(new MetricDefinition("followers", MetricTier.OUTCOME, MetricKind.FLOW, 0, 1, null))));
	}

	@Test
	void acceptsOperatorAddedMetric() {
		MetricCatalog extended = this.catalog.withAdditional(
				List.of(new MetricDefinition("store_visits", MetricTier.IMPACT, MetricKind.FLOW, 0, 1e9, null)));
		assertThat(extended.find("store_visits")).isPresent();
		assertThat(extended.metrics()).hasSize(20);
	}

}
