package io.brandsignal.contract.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.event.ObservationRules;

/**
 * The rules a {@link CampaignDefined} obeys, field by field, declared once for every place that checks
 * one: ingest before it publishes, scoring again because anything can write to a topic, the dashboard's
 * campaign form. {@link #problems} checks a whole campaign; the per-field methods answer a message phrased
 * for the sender ("must be ..., was ...") or {@code null} when the value is fine.
 */
public final class CampaignRules {

	/** The channel that stands for the brand as a whole, as in observations. */
	public static final String ALL_CHANNELS = "all";

	/** The longest campaign name, in characters. */
	public static final int MAX_NAME_LENGTH = 120;

	/** The longest note, in characters. */
	public static final int MAX_NOTE_LENGTH = 1000;

	/** The most channels one campaign may name. */
	public static final int MAX_CHANNELS = 20;

	/**
	 * The longest campaign, in days (start and end included): a year, leap day included. A longer
	 * "campaign" is an always-on activity whose lift no pre-period can measure.
	 */
	public static final int MAX_SPAN_DAYS = 366;

	/** How far ahead of its definition a campaign may end, in years: planned campaigns may be posted early. */
	public static final int MAX_YEARS_AHEAD = 2;

	/**
	 * The most campaigns scoring keeps per brand: each recompute of a brand reads all of them, so one key must
	 * not be able to make that unbounded. A new campaign beyond it is dead-lettered with the reason (redefining
	 * or deleting a kept one still works); no writer can check it, as none of them holds the brand's campaigns.
	 */
	public static final int MAX_CAMPAIGNS_PER_BRAND = 500;

	/** The most digits of a spend before the decimal point: below a trillion. */
	public static final int MAX_SPEND_INTEGER_DIGITS = 12;

	/** The most decimal places of a spend in a currency without minor units of its own (e.g. gold, XAU). */
	private static final int MAX_SPEND_SCALE = 3;

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	private CampaignRules() {
	}

	/**
	 * Every problem of a campaign, in field order; empty when it is valid.
	 * @param campaign the campaign, e.g. as read from the topic or built from a request
	 * @return the problems, each naming its field as JSON names it
	 */
	public static List<FieldProblem> problems(CampaignDefined campaign) {
		List<FieldProblem> problems = new ArrayList<>();
		add(problems, "brand", ObservationRules.slugProblem(campaign.brand()));
		add(problems, "id", idProblem(campaign.id()));
		add(problems, "name", nameProblem(campaign.name()));
		add(problems, "kind", (campaign.kind() != null) ? null : "is required");
		if (campaign.updatedAt() == null) {
			add(problems, "updatedAt", "is required");
		}
		else {
			add(problems, "startDate", startProblem(campaign.startDate(), campaign.updatedAt()));
			add(problems, "endDate", endProblem(campaign.startDate(), campaign.endDate(), campaign.updatedAt()));
		}
		problems.addAll(channelProblems(campaign.channels()));
		add(problems, "spend", spendProblem(campaign.spend(), campaign.currency()));
		add(problems, "currency", currencyProblem(campaign.spend(), campaign.currency()));
		add(problems, "note", noteProblem(campaign.note()));
		return problems;
	}

	private static void add(List<FieldProblem> problems, String field, String message) {
		if (message != null) {
			problems.add(new FieldProblem(field, message));
		}
	}

	/** The problem with a campaign id: a lowercase slug like brand names, so it fits in a URL path as it is. */
	public static String idProblem(String id) {
		return ObservationRules.slugProblem(id);
	}

	/** The problem with a name: required, not blank, at most {@link #MAX_NAME_LENGTH} characters, one line. */
	public static String nameProblem(String name) {
		if (name == null) {
			return "is required";
		}
		if (name.isBlank()) {
			return "must not be blank";
		}
		return textProblem(name, MAX_NAME_LENGTH, false);
	}

	/** The problem with a note: optional, at most {@link #MAX_NOTE_LENGTH} characters, line breaks allowed. */
	public static String noteProblem(String note) {
		return (note != null) ? textProblem(note, MAX_NOTE_LENGTH, true) : null;
	}

	private static String textProblem(String text, int maxLength, boolean lineBreaks) {
		int length = text.codePointCount(0, text.length());
		if (length > maxLength) {
			return "must be at most " + maxLength + " characters, was " + length;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
				return lineBreaks ? "must not contain control characters other than line breaks and tabs"
						: "must be one line without control characters";
			}
		}
		return null;
	}

	/**
	 * The problem with the first day: on or after {@link ObservationRecorded#EARLIEST_DATE} (there is no data
	 * before it to measure against) and no later than the latest end allowed.
	 * @param start the first day, may be {@code null}
	 * @param updatedAt when the campaign was defined
	 */
	public static String startProblem(LocalDate start, Instant updatedAt) {
		if (start == null) {
			return "is required";
		}
		LocalDate latest = latestEnd(updatedAt);
		if (start.isBefore(ObservationRecorded.EARLIEST_DATE) || start.isAfter(latest)) {
			return "must be between " + ObservationRecorded.EARLIEST_DATE + " and " + latest + ", was " + start;
		}
		return null;
	}

	/**
	 * The problem with the last day: on or after the first day, the whole campaign at most
	 * {@link #MAX_SPAN_DAYS} days, and at most {@link #MAX_YEARS_AHEAD} years after the definition.
	 * @param start the first day, may be {@code null} (then only the end's own bounds are checked)
	 * @param end the last day, may be {@code null}
	 * @param updatedAt when the campaign was defined
	 */
	public static String endProblem(LocalDate start, LocalDate end, Instant updatedAt) {
		if (end == null) {
			return "is required";
		}
		LocalDate latest = latestEnd(updatedAt);
		if (end.isAfter(latest)) {
			return "must be at most " + MAX_YEARS_AHEAD + " years ahead (" + latest + "), was " + end;
		}
		if (start == null) {
			return null;
		}
		if (end.isBefore(start)) {
			return "must be on or after startDate " + start + ", was " + end;
		}
		long days = ChronoUnit.DAYS.between(start, end) + 1;
		if (days > MAX_SPAN_DAYS) {
			return "must keep the campaign to " + MAX_SPAN_DAYS + " days, both ends counted (at the latest "
					+ start.plusDays(MAX_SPAN_DAYS - 1) + "), was " + end + " (" + days + " days)";
		}
		return null;
	}

	/** The latest day a campaign defined at {@code updatedAt} may end on. */
	public static LocalDate latestEnd(Instant updatedAt) {
		return updatedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusYears(MAX_YEARS_AHEAD);
	}

	/**
	 * The problems with the channels: one to {@link #MAX_CHANNELS} distinct lowercase slugs; {@code all} only
	 * alone, since it stands for every channel.
	 * @param channels the channels, never {@code null} (an absent list is {@code [all]} by the time it is a campaign)
	 * @return the problems, the list's as {@code channels}, an element's as {@code channels[i]}
	 */
	public static List<FieldProblem> channelProblems(List<String> channels) {
		if (channels.isEmpty()) {
			return List.of(new FieldProblem("channels",
					"must name at least one channel; '" + ALL_CHANNELS + "' when the campaign touched the brand as a whole"));
		}
		if (channels.size() > MAX_CHANNELS) {
			return List.of(new FieldProblem("channels",
					"must name at most " + MAX_CHANNELS + " channels, was " + channels.size()));
		}
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < channels.size(); i++) {
			String channel = channels.get(i);
			String problem = ObservationRules.slugProblem(channel);
			if (problem == null && !seen.add(channel)) {
				problem = "names '" + channel + "' again";
			}
			if (problem != null) {
				problems.add(new FieldProblem("channels[" + i + "]", problem));
			}
		}
		if (channels.size() > 1 && seen.contains(ALL_CHANNELS)) {
			problems.add(new FieldProblem("channels",
					"must not list '" + ALL_CHANNELS + "' beside other channels: it stands for all of them"));
		}
		return problems;
	}

	/**
	 * The problem with a spend: optional; when given, at least 0, below a trillion, and with no more decimal
	 * places than its currency's minor unit (2 for EUR, 0 for JPY, 3 for BHD).
	 * @param spend the spend, may be {@code null}
	 * @param currency its currency code, may be {@code null} or invalid (its own problem)
	 */
	public static String spendProblem(BigDecimal spend, String currency) {
		if (spend == null) {
			return null;
		}
		if (spend.signum() < 0) {
			return "must be at least 0, was " + spend.toPlainString();
		}
		BigDecimal plain = spend.stripTrailingZeros();
		int integerDigits = Math.max(0, plain.precision() - plain.scale());
		if (integerDigits > MAX_SPEND_INTEGER_DIGITS) {
			return "must be below " + BigDecimal.TEN.pow(MAX_SPEND_INTEGER_DIGITS).toPlainString() + ", was "
					+ ObservationRules.abbreviate(plain.toString());
		}
		int scale = Math.max(0, plain.scale());
		int allowed = minorDigits(currency);
		if (scale > allowed) {
			return "must have at most " + allowed + " decimal place(s)"
					+ ((isCurrency(currency)) ? " in " + currency : "") + ", was "
					+ ObservationRules.abbreviate(spend.toPlainString());
		}
		return null;
	}

	/**
	 * The problem with a currency: required with a spend, absent without one, and an ISO 4217 code.
	 * @param spend the spend, may be {@code null}
	 * @param currency the code, may be {@code null}
	 */
	public static String currencyProblem(BigDecimal spend, String currency) {
		if (currency == null) {
			return (spend != null) ? "is required when spend is given" : null;
		}
		if (spend == null) {
			return "must be given only with spend";
		}
		if (!isCurrency(currency)) {
			return "must be an ISO 4217 currency code in capitals such as EUR or USD, was '"
					+ ObservationRules.abbreviate(currency) + "'";
		}
		return null;
	}

	private static boolean isCurrency(String code) {
		return code != null && CURRENCIES.contains(code);
	}

	private static int minorDigits(String currency) {
		if (!isCurrency(currency)) {
			return MAX_SPEND_SCALE;
		}
		int digits = Currency.getInstance(currency).getDefaultFractionDigits();
		return (digits >= 0) ? digits : MAX_SPEND_SCALE;
	}

}
