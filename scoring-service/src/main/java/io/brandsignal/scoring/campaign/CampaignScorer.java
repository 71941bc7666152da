package io.brandsignal.scoring.campaign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignLiftState;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.ledger.ChannelSeries;
import io.brandsignal.scoring.ledger.MetricLedger;

/**
 * Scores one campaign of a brand from the brand's ledger into the {@link CampaignScored} that scoring publishes:
 * the lift on each metric of the brand ({@link CampaignLiftEstimator}, with the metric's untouched channels as
 * controls), the verdict, costs and explanation ({@link CampaignAssessor}), and the days around the campaign
 * for its chart. Pure: ledger and definitions in, result out.
 * <p>
 * A campaign is scored as of the earlier of the brand's latest day and the end of its carry-over: data after
 * that cannot change its result, which is what lets a recompute skip campaigns whose effect ended before the
 * earliest changed day; and its {@link Inputs#digest} tells whether any value it is computed from changed
 * (docs/scoring.md, "Processing").
 */
public final class CampaignScorer {

	/** Days before the start that {@link CampaignScored.MetricLift#days()} shows: four weeks of the fit. */
	public static final int LEAD_IN_DAYS = 28;

	private final LiftRules rules;

	private final CampaignLiftEstimator estimator;

	private final CampaignAssessor assessor;

	public CampaignScorer(LiftRules rules) {
		this.rules = rules;
		this.estimator = new CampaignLiftEstimator(rules);
		this.assessor = new CampaignAssessor(rules);
	}

	/** The campaign's days of effect as the estimate reads them: its dates and the carry-over of the rules. */
	public CampaignWindow window(CampaignDefined campaign) {
		return this.rules.window(campaign.id(), campaign.startDate(), campaign.endDate());
	}

	/** The day after which no data changes the campaign's result: the end of its carry-over. */
	public LocalDate effectEnd(CampaignDefined campaign) {
		return window(campaign).effectEnd();
	}

	/**
	 * What a campaign's result is computed from, besides the brand's campaign definitions: the day it is scored
	 * as of, and per metric of the brand its daily values and controls up to that day.
	 * @param ledger the brand's ledger, not empty
	 * @param campaign the campaign
	 */
	public Inputs inputs(BrandLedger ledger, CampaignDefined campaign) {
		LocalDate effectEnd = effectEnd(campaign);
		LocalDate asOf = ledger.latestDate().isBefore(effectEnd) ? ledger.latestDate() : effectEnd;
		LocalDate first = ledger.firstDate();
		List<MetricInput> metrics = new ArrayList<>();
		for (MetricLedger metric : ledger.metrics()) {
			metrics.add(new MetricInput(metric.definition(), DailySeries.of(metric, first, asOf),
					controls(metric, campaign.channels(), first, asOf)));
		}
		return new Inputs(asOf, metrics);
	}

	/**
	 * Scores a campaign.
	 * @param campaign the campaign
	 * @param campaigns all the brand's campaigns, this one among them (their days are kept out of the fit)
	 * @param inputs the campaign's {@link #inputs}
	 * @param scoredAt the time of the recompute
	 * @return the result to publish
	 */
	public CampaignScored score(CampaignDefined campaign, List<CampaignDefined> campaigns, Inputs inputs,
			Instant scoredAt) {
		CampaignWindow window = window(campaign);
		List<CampaignWindow> windows = campaigns.stream().map(this::window).toList();
		List<MetricLift> lifts = new ArrayList<>();
		List<CampaignScored.MetricLift> published = new ArrayList<>();
		for (MetricInput metric : inputs.metrics()) {
			MetricLift lift = this.estimator.estimate(metric.definition(), window, windows, metric.treated(),
					metric.controls(), inputs.asOf());
			lifts.add(lift);
			List<CounterfactualDay> days = this.estimator.days(metric.definition(), window, windows, metric.treated(),
					metric.controls(), inputs.asOf(), lift, LEAD_IN_DAYS);
			published.add(metricLift(lift, days));
		}
		CampaignResult result = this.assessor.assess(window, lifts, spend(campaign));
		return new CampaignScored(campaign.brand(), campaign.id(), campaign.name(), campaign.kind(),
				campaign.startDate(), campaign.endDate(), window.carryOverDays(), inputs.asOf(),
				result.verdict(), result.explanation(),
				published, campaign.spend(), campaign.currency(),
				result.costs().stream()
					.map((cost) -> new CampaignScored.UnitCost(cost.metric(), cost.cost(), cost.low(), cost.high()))
					.toList(),
				(result.returnOnSpend() != null) ? new CampaignScored.ReturnOnSpend(result.returnOnSpend().metric(),
						result.returnOnSpend().ratio(), result.returnOnSpend().low(), result.returnOnSpend().high())
						: null,
				result.overlaps(), scoredAt);
	}

	/**
	 * The metric's channels the campaign did not run on, each alone, as controls: only when the campaign ran on
	 * some of the metric's channels (followers per social network), since a metric reported on channels other
	 * than the campaign's (sales in the shop) may be just what the campaign moved; none for a campaign on
	 * {@code all} (the brand as a whole), and never the channel {@code all} itself. An untouched channel that the
	 * campaign moved anyway (spill-over) would hide part of its lift.
	 */
	static List<DailySeries> controls(MetricLedger metric, List<String> campaignChannels, LocalDate from,
			LocalDate to) {
		boolean touched = metric.channels().stream().anyMatch((channel) -> campaignChannels.contains(channel.channel()));
		if (!touched || campaignChannels.contains(CampaignRules.ALL_CHANNELS) || from.isAfter(to)) {
			return List.of();
		}
		boolean level = metric.definition().kind() == MetricKind.LEVEL;
		int length = (int) (to.toEpochDay() - from.toEpochDay() + 1);
		List<DailySeries> controls = new ArrayList<>();
		for (ChannelSeries channel : metric.channels()) {
			if (campaignChannels.contains(channel.channel()) || CampaignRules.ALL_CHANNELS.equals(channel.channel())) {
				continue;
			}
			double[] values = new double[length];
			for (int i = 0; i < length; i++) {
				long day = from.toEpochDay() + i;
				values[i] = level ? channel.carried(day) : channel.reported(day);
			}
			controls.add(new DailySeries(from, values));
		}
		return controls;
	}

	private static Spend spend(CampaignDefined campaign) {
		return (campaign.spend() != null && campaign.currency() != null)
				? new Spend(campaign.spend(), Currency.getInstance(campaign.currency())) : null;
	}

	private static CampaignScored.MetricLift metricLift(MetricLift lift, List<CounterfactualDay> days) {
		List<CampaignScored.Day> chart = days.stream()
			.skip(Math.max(0, days.size() - CampaignScored.MAX_DAYS))
			.map((day) -> new CampaignScored.Day(day.date(), day.actual(), day.counterfactual(), day.low(), day.high()))
			.toList();
		return new CampaignScored.MetricLift(lift.metric().name(), lift.metric().category(),
				CampaignLiftState.valueOf(lift.state().name()), lift.reason(), effect(lift.campaign()),
				effect(lift.carryOver()), effect(lift.total()), lift.preDays(), lift.placebos(), lift.controls(), chart);
	}

	private static CampaignScored.Effect effect(Effect effect) {
		if (effect == null) {
			return null;
		}
		return new CampaignScored.Effect(effect.from(), effect.to(), effect.days(), effect.effect(), effect.low(),
				effect.high(), effect.counterfactual(), finite(effect.relativePercent()),
				finite(effect.relativeLowPercent()), finite(effect.relativeHighPercent()), effect.pValue(),
				effect.significant());
	}

	private static Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/** A new SHA-256 digest, the one the campaign results' change detection uses. */
	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * The data a campaign's result is computed from.
	 *
	 * @param asOf the day it is scored as of: the brand's latest day, or the end of its carry-over when earlier
	 * @param metrics per metric of the brand, in catalog order
	 */
	public record Inputs(LocalDate asOf, List<MetricInput> metrics) {

		/**
		 * A SHA-256 digest of every value the result is computed from: equal digests (with equal definitions and
		 * method) give equal results, so a campaign whose digest did not change need not be scored again.
		 */
		public byte[] digest() {
			MessageDigest digest = sha256();
			ByteBuffer buffer = ByteBuffer.allocate(8 * 512);
			digest.update(buffer.putLong(this.asOf.toEpochDay()).array(), 0, buffer.position());
			buffer.clear();
			for (MetricInput metric : this.metrics) {
				digest.update(metric.definition().name().getBytes(StandardCharsets.UTF_8));
				List<DailySeries> series = new ArrayList<>();
				series.add(metric.treated());
				series.addAll(metric.controls());
				for (DailySeries values : series) {
					buffer.putLong(values.first().toEpochDay()).putInt(values.values().length);
					for (double value : values.values()) {
						if (buffer.remaining() < 8) {
							digest.update(buffer.array(), 0, buffer.position());
							buffer.clear();
						}
						buffer.putDouble(value);
					}
					digest.update(buffer.array(), 0, buffer.position());
					buffer.clear();
				}
			}
			return digest.digest();
		}

	}

	/**
	 * One metric's data for a campaign's lift.
	 *
	 * @param definition the metric
	 * @param treated its daily values as the ledger reads them
	 * @param controls its untouched channels' daily values ({@link #controls})
	 */
	public record MetricInput(MetricDefinition definition, DailySeries treated, List<DailySeries> controls) {
	}

}
