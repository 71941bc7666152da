package io.brandsignal.dashboard.overview;

import java.util.List;
import java.util.Locale;

import io.brandsignal.dashboard.series.BrandSeries;

/**
 * A tiny chart of a brand's indexed audience and outcome lines over its scoring window, drawn as two
 * SVG polylines in a 100 by 24 box, with a sentence for screen readers.
 *
 * @param audiencePoints the SVG {@code points} of the audience line, empty when unknown
 * @param outcomePoints the SVG {@code points} of the outcome line, empty when unknown
 * @param description what the lines show, in words
 */
public record Sparkline(String audiencePoints, String outcomePoints, String description) {

	static final int WIDTH = 100;

	static final int HEIGHT = 24;

	/** The sparkline of a brand's index lines. */
	static Sparkline of(BrandSeries.IndexedGrowth lines) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (List<Double> line : List.of(lines.audience(), lines.outcomes())) {
			for (Double value : line) {
				if (value != null) {
					min = Math.min(min, value);
					max = Math.max(max, value);
				}
			}
		}
		if (min > max) {
			return new Sparkline("", "", "No daily data in the scoring window.");
		}
		double span = Math.max(max - min, 1e-9);
		return new Sparkline(polyline(lines.audience(), min, span), polyline(lines.outcomes(), min, span),
				"Audience " + change(lines.audience()) + ", outcomes " + change(lines.outcomes())
						+ " over the scoring window.");
	}

	/** Width of the box the lines are drawn in, in pixels, for the {@code svg} element. */
	public int width() {
		return WIDTH;
	}

	/** Height of the box the lines are drawn in, in pixels. */
	public int height() {
		return HEIGHT;
	}

	private static String polyline(List<Double> line, double low, double span) {
		StringBuilder svg = new StringBuilder();
		double step = (line.size() > 1) ? (double) WIDTH / (line.size() - 1) : 0;
		for (int i = 0; i < line.size(); i++) {
			Double value = line.get(i);
			if (value == null) {
				continue;
			}
			double y = HEIGHT - 1 - (value - low) / span * (HEIGHT - 2);
			svg.append(svg.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", i * step, y));
		}
		return svg.toString();
	}

	private static String change(List<Double> line) {
		Double first = null;
		Double last = null;
		for (Double value : line) {
			if (value != null) {
				first = (first != null) ? first : value;
				last = value;
			}
		}
		if (first == null) {
			return "unknown";
		}
		return String.format(Locale.ROOT, "from %.0f to %.0f", first, last);
	}

}
