package io.brandsignal.scoring.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.simulation.CampaignStudy.CampaignFamily;
import io.brandsignal.scoring.simulation.CampaignStudy.Counts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign study as tests: interval coverage of the true lift, the false-positive rate on campaigns that
 * lifted nothing, and verdicts on clear cases, each against its target. With
 * {@code -Dsimulation.write-docs=true} the table in docs/scoring.md is rewritten from this run.
 */
class CampaignStudyTests {

	private static final Map<CampaignFamily, Counts> counts = new LinkedHashMap<>();

	private static long runtimeMillis;

	@BeforeAll
	static void runStudy() {
		CampaignStudy study = new CampaignStudy(MetricCatalog.defaults());
		long started = System.nanoTime();
		for (CampaignFamily family : CampaignStudy.all()) {
			counts.put(family, study.run(family));
		}
		runtimeMillis = (System.nanoTime() - started) / 1_000_000;
	}

	@AfterAll
	static void writeDocsWhenAsked() {
		if (Boolean.getBoolean("simulation.write-docs") && counts.size() == CampaignStudy.all().size()) {
			SimulationStudy.writeDocs(SimulationStudy.scoringDoc(),
					CampaignStudy.markdown(List.copyOf(counts.values()), runtimeMillis),
					CampaignStudy.BEGIN, CampaignStudy.END);
		}
	}

	private static Counts measured(CampaignFamily family) {
		Counts measured = counts.get(family);
		assertThat(measured.errors()).as("%s: estimator errors (first: %s)", family.name(), measured.firstError()).isZero();
		assertThat(measured.estimates()).as("%s: metric estimates", family.name()).isGreaterThan(measured.brands());
		return measured;
	}

	@Test
	void intervalsCoverTheTrueLiftOfCampaignsThatLiftedNothing() {
		assertThat(measured(CampaignStudy.NO_LIFT).coverage()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void intervalsCoverTheTrueLiftOfCampaignsThatBoughtAttention() {
		assertThat(measured(CampaignStudy.AUDIENCE_ONLY).coverage()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void intervalsCoverTheTrueLiftOfCampaignsThatMovedSales() {
		assertThat(measured(CampaignStudy.OUTCOMES_ONLY).coverage()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void intervalsCoverTheTrueLiftOfCampaignsThatMovedBoth() {
		assertThat(measured(CampaignStudy.BOTH).coverage()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void placeboTestRarelyFindsALiftWhereThereIsNone() {
		assertThat(measured(CampaignStudy.NO_LIFT).falsePositives()).isLessThanOrEqualTo(0.07);
	}

	@Test
	void campaignThatLiftedNothingHasNoMeasurableEffect() {
		assertThat(measured(CampaignStudy.NO_LIFT).verdictRate()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void campaignThatLiftedOnlyTheAudienceBoughtAttention() {
		assertThat(measured(CampaignStudy.AUDIENCE_ONLY).verdictRate()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void campaignThatLiftedSalesMovedOutcomes() {
		assertThat(measured(CampaignStudy.OUTCOMES_ONLY).verdictRate()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void campaignThatLiftedBothMovedOutcomes() {
		assertThat(measured(CampaignStudy.BOTH).verdictRate()).isGreaterThanOrEqualTo(0.90);
	}

}
