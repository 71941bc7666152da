package io.brandsignal.scoring.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.campaign.CampaignAssessor;
import io.brandsignal.scoring.campaign.CampaignResult;
import io.brandsignal.scoring.campaign.CampaignWindow;
import io.brandsignal.scoring.campaign.LiftRules;
import io.brandsignal.scoring.campaign.LiftState;
import io.brandsignal.scoring.campaign.Spend;
import io.brandsignal.scoring.ledger.BrandLedger;

/**
 * What a campaign's lift costs in CPU: one {@link CampaignAssessor#assess} (every metric of the brand) for
 * brands with a full horizon (400 days of {@link RecomputeBenchmark}'s 20 metric-channels, 17 metrics) and ten
 * campaigns each, spread over their last year. Run with
 * {@code mvn -q -B -pl scoring-service test-compile exec:java -Dbenchmark=CampaignLiftBenchmark}; prints p50,
 * p99 and max CPU time per campaign and per estimated metric, after a warm-up. Not a test: a figure to read.
 */
public final class CampaignLiftBenchmark {

	private static final int CAMPAIGNS = 10;

	private CampaignLiftBenchmark() {
	}

	public static void main(String[] args) {
		MetricCatalog catalog = MetricCatalog.defaults();
		CampaignAssessor assessor = new CampaignAssessor(LiftRules.defaults());
		List<BrandLedger> ledgers = RecomputeBenchmark.ledgers(catalog, 20);
		// ten campaigns of 14-28 days, one every 30 days from day 100, the last one still running
		List<CampaignWindow> campaigns = new ArrayList<>();
		for (int i = 0; i < CAMPAIGNS; i++) {
			LocalDate start = RecomputeBenchmark.FIRST.plusDays(100 + 30L * i);
			campaigns.add(new CampaignWindow("c" + i, start, start.plusDays(14 + (i % 3) * 7), 14));
		}
		Spend spend = Spend.of("5000", "EUR");
		for (int i = 0; i < 200; i++) {
			assessor.assess(ledgers.get(i % ledgers.size()), campaigns.get(i % CAMPAIGNS), campaigns, spend);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] cpu = new long[1_000];
		int estimated = 0;
		int metrics = 0;
		for (int i = 0; i < cpu.length; i++) {
			long start = threads.getCurrentThreadCpuTime();
			CampaignResult result = assessor.assess(ledgers.get(i % ledgers.size()), campaigns.get(i % CAMPAIGNS),
					campaigns, spend);
			cpu[i] = threads.getCurrentThreadCpuTime() - start;
			metrics += result.lifts().size();
			estimated += (int) result.lifts().stream().filter((lift) -> lift.state() == LiftState.ESTIMATED).count();
		}
		double estimatedPerCampaign = estimated / (double) cpu.length;
		System.out.printf(Locale.ROOT,
				"campaign lift of one campaign (%d days, %.1f metrics per campaign, %.1f of them estimated)%n",
				RecomputeBenchmark.DAYS, metrics / (double) cpu.length, estimatedPerCampaign);
		Arrays.sort(cpu);
		System.out.printf(Locale.ROOT, "  cpu per campaign: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", cpu[cpu.length / 2] / 1e6,
				cpu[cpu.length * 99 / 100] / 1e6, cpu[cpu.length - 1] / 1e6);
		System.out.printf(Locale.ROOT, "  cpu per estimated metric (p50 / estimated metrics): %.2f ms%n",
				cpu[cpu.length / 2] / 1e6 / estimatedPerCampaign);
		System.out.printf(Locale.ROOT, "  a brand with %d campaigns: about %.0f ms per recompute (p50)%n", CAMPAIGNS,
				CAMPAIGNS * cpu[cpu.length / 2] / 1e6);
	}

}
