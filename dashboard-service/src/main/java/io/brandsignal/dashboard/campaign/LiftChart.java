package io.brandsignal.dashboard.campaign;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.brandsignal.contract.campaign.CampaignScored.Day;

/**
 * A campaign's chart for one metric, drawn on the server as SVG (it reads without scripts, and the page's
 * table says the same in numbers): the actual daily values against the counterfactual and its 95 % band, over
 * a lead-in, the campaign's days (shaded) and its carry-over (shaded lighter).
 *
 * @param bandPoints SVG {@code points} of the band's polygon, empty when there are no days
 * @param counterfactualPath SVG {@code d} of the counterfactual line
 * @param actualPath SVG {@code d} of the actual line, broken where a day is unknown
 * @param campaign the campaign's days as a shaded span, or {@code null} when outside the chart
 * @param carryOver the carry-over's days as a lighter span, or {@code null}
 * @param ticks labels along the axes
 * @param description what the chart shows, in words, for screen readers
 */
public record LiftChart(String bandPoints, String counterfactualPath, String actualPath, Span campaign,
		Span carryOver, List<Tick> ticks, String description) {

	static final int WIDTH = 640;

	static final int HEIGHT = 240;

	private static final int LEFT = 70;

	private static final int RIGHT = 10;

	private static final int TOP = 10;

	private static final int BOTTOM = 30;

	/** Width of the drawing, for the {@code svg} element's view box. */
	public int width() {
		return WIDTH;
	}

	/** Height of the drawing. */
	public int height() {
		return HEIGHT;
	}

	/** The SVG {@code viewBox}. */
	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	/** The plot area's left edge, where the value axis runs. */
	public int left() {
		return LEFT;
	}

	/** The plot area's bottom edge, where the date axis runs. */
	public int bottom() {
		return HEIGHT - BOTTOM;
	}

	/** The plot area's right edge. */
	public int right() {
		return WIDTH - RIGHT;
	}

	/**
	 * The chart of a metric's days around a campaign.
	 * @param metric the metric's name, for the description
	 * @param days the days, in date order
	 * @param start the campaign's first day
	 * @param end the campaign's last day
	 * @param carryOverDays days after the end still counted
	 */
	static LiftChart of(String metric, List<Day> days, LocalDate start, LocalDate end, int carryOverDays) {
		if (days.isEmpty()) {
			return new LiftChart("", "", "", null, null, List.of(), "No days to chart for " + metric + ".");
		}
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (Day day : days) {
			low = Math.min(low, day.low());
			high = Math.max(high, day.high());
			if (day.actual() != null) {
				low = Math.min(low, day.actual());
				high = Math.max(high, day.actual());
			}
		}
		Scale scale = new Scale(days.size(), low, Math.max(high - low, 1e-9));
		StringBuilder upper = new StringBuilder();
		StringBuilder lower = new StringBuilder();
		StringBuilder counterfactual = new StringBuilder();
		StringBuilder actual = new StringBuilder();
		boolean drawing = false;
		for (int i = 0; i < days.size(); i++) {
			Day day = days.get(i);
			upper.append(upper.isEmpty() ? "" : " ").append(scale.point(i, day.high()));
			lower.insert(0, scale.point(i, day.low()) + " ");
			counterfactual.append(counterfactual.isEmpty() ? "M" : " L").append(scale.point(i, day.counterfactual()));
			if (day.actual() == null) {
				drawing = false;
				continue;
			}
			actual.append(actual.isEmpty() ? "" : " ").append(drawing ? "L" : "M").append(scale.point(i, day.actual()));
			drawing = true;
		}
		LocalDate first = days.get(0).date();
		LocalDate last = days.get(days.size() - 1).date();
		Span campaign = scale.span(first, last, start, end);
		Span carry = (carryOverDays > 0) ? scale.span(first, last, end.plusDays(1), end.plusDays(carryOverDays)) : null;
		List<Tick> ticks = List.of(new Tick(LEFT - 6, TOP + 4, "end", number(high)),
				new Tick(LEFT - 6, HEIGHT - BOTTOM, "end", number(low)),
				new Tick(LEFT, HEIGHT - BOTTOM + 18, "start", first.toString()),
				new Tick(WIDTH - RIGHT, HEIGHT - BOTTOM + 18, "end", last.toString()));
		Day lastDay = days.get(days.size() - 1);
		String description = metric + " from " + first + " to " + last + ": on " + lastDay.date() + " actual "
				+ ((lastDay.actual() != null) ? number(lastDay.actual()) : "unknown") + " against "
				+ number(lastDay.counterfactual()) + " expected without the campaign (95 % band "
				+ number(lastDay.low()) + " to " + number(lastDay.high()) + ").";
		return new LiftChart(upper + " " + lower.toString().trim(), counterfactual.toString(), actual.toString(),
				campaign, carry, ticks, description);
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%,.1f", value).replaceAll("\\.0$", "");
	}

	/** Positions days and values in the plot area. */
	private record Scale(int count, double low, double span) {

		double x(double index) {
			double step = (this.count > 1) ? (double) (WIDTH - LEFT - RIGHT) / (this.count - 1) : 0;
			return LEFT + index * step;
		}

		String point(int index, double value) {
			double y = HEIGHT - BOTTOM - (value - this.low) / this.span * (HEIGHT - TOP - BOTTOM);
			return String.format(Locale.ROOT, "%.1f,%.1f", x(index), y);
		}

		/** The days from..to clipped to the chart's days, half a day wider on each side; null when outside. */
		Span span(LocalDate first, LocalDate last, LocalDate from, LocalDate to) {
			LocalDate clippedFrom = from.isBefore(first) ? first : from;
			LocalDate clippedTo = to.isAfter(last) ? last : to;
			if (clippedFrom.isAfter(clippedTo)) {
				return null;
			}
			double left = Math.max(LEFT, x(ChronoUnit.DAYS.between(first, clippedFrom) - 0.5));
			double right = Math.min(WIDTH - RIGHT, x(ChronoUnit.DAYS.between(first, clippedTo) + 0.5));
			return new Span(String.format(Locale.ROOT, "%.1f", left), String.format(Locale.ROOT, "%.1f", right - left),
					TOP, HEIGHT - TOP - BOTTOM);
		}

	}

	/**
	 * A shaded span of days.
	 *
	 * @param x its left edge
	 * @param width its width
	 * @param y its top
	 * @param height its height
	 */
	public record Span(String x, String width, int y, int height) {
	}

	/**
	 * A label on an axis.
	 *
	 * @param x where it is anchored
	 * @param y its baseline
	 * @param anchor SVG {@code text-anchor}
	 * @param text its words
	 */
	public record Tick(int x, int y, String anchor, String text) {
	}

}
