package io.brandsignal.dashboard.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.brandsignal.dashboard.brand.Phrases;
import io.brandsignal.dashboard.readmodel.CampaignRow;

/**
 * The portfolio's scatter, drawn on the server as SVG: each campaign of the page with both lifts as a point of
 * audience lift (across) against outcome lift (up), relative totals in percent, with whiskers spanning their
 * 95 % intervals. The axes cross at zero, so the quadrants read as in the brands' overview one level down:
 * right and low is attention bought without outcomes (vanity), high is outcomes moved (value).
 *
 * @param points the plotted campaigns
 * @param zeroX where the audience lift is zero, across
 * @param zeroY where the outcome lift is zero, up
 * @param ticks labels along the axes
 * @param unplotted how many campaigns of the page lack a lift on either side and are not plotted
 */
public record PortfolioChart(List<Point> points, String zeroX, String zeroY, List<LiftChart.Tick> ticks,
		int unplotted) {

	static final int WIDTH = 640;

	static final int HEIGHT = 420;

	private static final int MARGIN = 50;

	/** The SVG {@code viewBox}. */
	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	/** The plot area's edges: left, top, right, bottom. */
	public List<Integer> box() {
		return List.of(MARGIN, 10, WIDTH - 10, HEIGHT - MARGIN);
	}

	static PortfolioChart of(List<CampaignRow> rows) {
		List<CampaignRow> plotted = rows.stream()
			.filter((row) -> row.audienceLiftPercent() != null && row.outcomeLiftPercent() != null)
			.toList();
		double minX = 0;
		double maxX = 0;
		double minY = 0;
		double maxY = 0;
		for (CampaignRow row : plotted) {
			minX = min(minX, row.audienceLiftPercent(), row.audienceLiftLowPercent());
			maxX = max(maxX, row.audienceLiftPercent(), row.audienceLiftHighPercent());
			minY = min(minY, row.outcomeLiftPercent(), row.outcomeLiftLowPercent());
			maxY = max(maxY, row.outcomeLiftPercent(), row.outcomeLiftHighPercent());
		}
		// room around the outermost whiskers, and never a zero-width axis
		double padX = Math.max(1, (maxX - minX) * 0.08);
		double padY = Math.max(1, (maxY - minY) * 0.08);
		Axis across = new Axis(minX - padX, maxX + padX, MARGIN, WIDTH - 10);
		Axis up = new Axis(minY - padY, maxY + padY, HEIGHT - MARGIN, 10);
		List<Point> points = new ArrayList<>();
		for (CampaignRow row : plotted) {
			double x = row.audienceLiftPercent();
			double y = row.outcomeLiftPercent();
			points.add(new Point("/brands/" + row.brand() + "/campaigns/" + row.id(), row.verdict().name(),
					across.at(x), up.at(y), across.at(orElse(row.audienceLiftLowPercent(), x)),
					across.at(orElse(row.audienceLiftHighPercent(), x)), up.at(orElse(row.outcomeLiftLowPercent(), y)),
					up.at(orElse(row.outcomeLiftHighPercent(), y)),
					row.brand() + " · " + row.name() + ": audience " + Phrases.percent(x) + ", outcomes "
							+ Phrases.percent(y) + " (" + CampaignVerdicts.label(row.verdict()) + ")"));
		}
		List<LiftChart.Tick> ticks = List.of(
				new LiftChart.Tick(MARGIN, HEIGHT - MARGIN + 18, "start", Phrases.percent(across.from())),
				new LiftChart.Tick(WIDTH - 10, HEIGHT - MARGIN + 18, "end", Phrases.percent(across.to())),
				new LiftChart.Tick(WIDTH / 2, HEIGHT - 8, "middle", "Audience lift (relative total)"),
				new LiftChart.Tick(MARGIN - 4, HEIGHT - MARGIN, "end", Phrases.percent(up.from())),
				new LiftChart.Tick(MARGIN - 4, 20, "end", Phrases.percent(up.to())));
		return new PortfolioChart(points, across.at(0), up.at(0), ticks, rows.size() - plotted.size());
	}

	private static double orElse(Double value, double fallback) {
		return (value != null && Double.isFinite(value)) ? value : fallback;
	}

	private static double min(double current, Double value, Double low) {
		return Math.min(current, Math.min(orElse(value, current), orElse(low, current)));
	}

	private static double max(double current, Double value, Double high) {
		return Math.max(current, Math.max(orElse(value, current), orElse(high, current)));
	}

	/** A value axis mapped onto pixels. */
	private record Axis(double from, double to, int start, int end) {

		String at(double value) {
			return String.format(Locale.ROOT, "%.1f", this.start + (value - this.from) / (this.to - this.from) * (this.end - this.start));
		}

	}

	/**
	 * One campaign in the scatter.
	 *
	 * @param href its page
	 * @param verdict its verdict's name, for its colour
	 * @param x where it sits across
	 * @param y where it sits up
	 * @param xLow its audience interval's left end
	 * @param xHigh its audience interval's right end
	 * @param yLow its outcome interval's lower end (a larger pixel value)
	 * @param yHigh its outcome interval's upper end
	 * @param label what it is, in words
	 */
	public record Point(String href, String verdict, String x, String y, String xLow, String xHigh, String yLow,
			String yHigh, String label) {
	}

}
