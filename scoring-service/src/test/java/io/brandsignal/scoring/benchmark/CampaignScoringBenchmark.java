package io.brandsignal.scoring.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.campaign.CampaignScorer;
import io.brandsignal.scoring.campaign.LiftRules;
import io.brandsignal.scoring.ledger.BrandLedger;

/**
 * What publishing a campaign result costs in CPU: one {@link CampaignScorer#inputs} and
 * {@link CampaignScorer#score} (lift on every metric of the
 * brand with the untouched channels as controls, verdict and costs, the days for the chart) for brands with a
 * full horizon ({@link RecomputeBenchmark}'s 400 days of 20 metric-channels) and ten campaigns on instagram,
 * spread over their last year. Run with
 * {@code mvn -q -B -pl scoring-service test-compile exec:java -Dbenchmark=CampaignScoringBenchmark}; prints p50,
 * p99 and max CPU time per campaign, and of the inputs' digest alone. Not a test: a figure to read.
 */
public final class CampaignScoringBenchmark {

	private static final int CAMPAIGNS = 10;

	private CampaignScoringBenchmark() {
	}

	public static void main(String[] args) {
		MetricCatalog catalog = MetricCatalog.defaults();
		CampaignScorer scorer = new CampaignScorer(LiftRules.defaults());
		List<BrandLedger> ledgers = RecomputeBenchmark.ledgers(catalog, 20);
		// ten campaigns of 14-28 days, one every 30 days from day 100, the last one still running
		List<CampaignDefined> campaigns = new ArrayList<>();
		for (int i = 0; i < CAMPAIGNS; i++) {
			LocalDate start = RecomputeBenchmark.FIRST.plusDays(100 + 30L * i);
			campaigns.add(new CampaignDefined("bench", "c" + i, "Campaign " + i, CampaignKind.PAID_SOCIAL, start,
					start.plusDays(14 + (i % 3) * 7), List.of("instagram"), new BigDecimal("5000"), "EUR", null,
					Instant.parse("2026-01-01T00:00:00Z"), "bench"));
		}
		Instant now = Instant.now();
		for (int i = 0; i < 200; i++) {
			score(scorer, ledgers.get(i % ledgers.size()), campaigns.get(i % CAMPAIGNS), campaigns, now);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] cpu = new long[1_000];
		for (int i = 0; i < cpu.length; i++) {
			long start = threads.getCurrentThreadCpuTime();
			score(scorer, ledgers.get(i % ledgers.size()), campaigns.get(i % CAMPAIGNS), campaigns, now);
			cpu[i] = threads.getCurrentThreadCpuTime() - start;
		}
		long[] digests = new long[1_000];
		for (int i = 0; i < digests.length; i++) {
			long start = threads.getCurrentThreadCpuTime();
			scorer.inputs(ledgers.get(i % ledgers.size()), campaigns.get(i % CAMPAIGNS)).digest();
			digests[i] = threads.getCurrentThreadCpuTime() - start;
		}
		Arrays.sort(digests);
		Arrays.sort(cpu);
		System.out.printf(Locale.ROOT, "campaign result of one campaign (%d days x 20 metric-channels)%n",
				RecomputeBenchmark.DAYS);
		System.out.printf(Locale.ROOT, "  cpu per campaign: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
				cpu[cpu.length / 2] / 1e6, cpu[cpu.length * 99 / 100] / 1e6, cpu[cpu.length - 1] / 1e6);
		System.out.printf(Locale.ROOT, "  all %d campaigns of a brand: about %.0f ms (p50)%n", CAMPAIGNS,
				CAMPAIGNS * cpu[cpu.length / 2] / 1e6);
		System.out.printf(Locale.ROOT, "  inputs and their digest alone (a campaign whose data did not change): p50 %.2f ms, p99 %.2f ms%n",
				digests[digests.length / 2] / 1e6, digests[digests.length * 99 / 100] / 1e6);
	}

	private static void score(CampaignScorer scorer, BrandLedger ledger, CampaignDefined campaign,
			List<CampaignDefined> campaigns, Instant now) {
		scorer.score(campaign, campaigns, scorer.inputs(ledger, campaign), now);
	}

}
