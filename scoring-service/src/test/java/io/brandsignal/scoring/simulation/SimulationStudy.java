package io.brandsignal.scoring.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.scoring.scorecard.BrandScorer;

/**
 * Runs simulated brand families through the scorer and measures, per family, how often the counted
 * event happened: the false-positive rate of the lead test under realistic nulls, its power on true
 * links, and how often verdicts and flags match the generators' ground truth. Renders the table kept
 * in docs/scoring.md.
 */
final class SimulationStudy {

	static final String BEGIN = "<!-- simulation-study:begin -->";

	static final String END = "<!-- simulation-study:end -->";

	static final String REGENERATE = "mvn -B -q -pl scoring-service -am test -Dtest=SimulationStudyTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dsimulation.write-docs=true";

	private final BrandScorer scorer;

	private final MetricCatalog catalog;

	SimulationStudy(BrandScorer scorer, MetricCatalog catalog) {
		this.scorer = scorer;
		this.catalog = catalog;
	}

	/** Every family's row, in order. */
	List<Row> run(List<Family> families) {
		List<Row> rows = new ArrayList<>();
		for (Family family : families) {
			rows.add(run(family));
		}
		return rows;
	}

	/**
	 * Scores each brand of a family once. A scorer that throws on a brand fails that brand: the error
	 * counts against the family (as the event for a false-positive rate, as a miss otherwise).
	 */
	Row run(Family family) {
		SplittableRandom seeds = new SplittableRandom(family.seed());
		// "k = 3" before "k = 14": shorter labels first
		Map<String, int[]> groups = new TreeMap<>(
				Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
		int events = 0;
		int errors = 0;
		String firstError = null;
		for (int i = 0; i < family.brands(); i++) {
			SimulatedBrand brand = family.generate().generate(seeds.split(), "sim-" + family.seed() + "-" + i);
			boolean happened;
			try {
				BrandScored card = this.scorer.score(brand.ledger(this.catalog), Instant.EPOCH);
				happened = family.event().happened(brand, card);
			}
			catch (RuntimeException ex) {
				errors++;
				firstError = (firstError != null) ? firstError : brand.name() + ": " + ex;
				happened = family.target().atMost();
			}
			events += happened ? 1 : 0;
			if (!brand.group().isEmpty()) {
				int[] counts = groups.computeIfAbsent(brand.group(), (group) -> new int[2]);
				counts[0] += happened ? 1 : 0;
				counts[1]++;
			}
		}
		return new Row(family, family.brands(), events, errors, firstError, groups);
	}

	/** The study's block for docs/scoring.md, markers included. */
	static String markdown(List<Row> rows, long runtimeMillis) {
		StringBuilder text = new StringBuilder();
		text.append(BEGIN).append("\n### Simulation study (generated, do not edit by hand)\n\n");
		text.append("Seeded families of simulated brands, 200 days of cells each, scored with the default rules\n")
			.append("(`io.brandsignal.scoring.simulation`, run by `mvn verify` as `SimulationStudyTests`). Expected\n")
			.append("outcomes come from the generators' ground truth only. The null families draw audience and outcomes\n")
			.append("from independent random streams, so any significant lead there is a false positive (nominal level\n")
			.append("5 %). The true-link target applies to the stated size, +20 %: six 4-day campaigns in 180 days that\n")
			.append("triple the expected net adds and lift sales 20 % on the days k later (about +2.7 % of the half\n")
			.append("year's sales); the +5 % and +10 % rows are for information. Each rate carries its 95 % Wilson\n")
			.append("interval: with 600 brands a true rate of 5 % reads between about 3.3 % and 6.7 % (with 200 brands,\n")
			.append("2 % to 8 %). A family meets its target only when the scorer also threw on none of its brands.\n")
			.append(String.format(Locale.ROOT, "Last run: %.1f s. ", runtimeMillis / 1000.0))
			.append("Regenerate this block with\n\n    ")
			.append(REGENERATE)
			.append("\n\n| family | brands | criterion (rate of) | measured | target | met |\n|---|---|---|---|---|---|\n");
		for (Row row : rows) {
			Family family = row.family();
			text.append("| ")
				.append(family.name())
				.append(" | ")
				.append(row.brands())
				.append(" | ")
				.append(family.criterion())
				.append(" | ")
				.append(percent(row.rate()))
				.append(wilson(row.events(), row.brands()))
				.append((row.errors() > 0) ? " (" + row.errors() + " errors)" : "")
				.append(" | ")
				.append(family.target().text())
				.append(" | ")
				.append(family.target().isSet() ? (row.met() ? "yes" : "**no**") : "—")
				.append(" |\n");
		}
		List<Row> grouped = rows.stream().filter((row) -> !row.groups().isEmpty()).toList();
		if (!grouped.isEmpty()) {
			text.append("\nTrue links by lag k (rate found with the lag within ±1 day; brands in brackets):\n\n")
				.append("| family |");
			List<String> keys = List.copyOf(grouped.get(0).groups().keySet());
			keys.forEach((key) -> text.append(' ').append(key).append(" |"));
			text.append("\n|---|").append("---|".repeat(keys.size())).append('\n');
			for (Row row : grouped) {
				text.append("| ").append(row.family().name()).append(" |");
				for (String key : keys) {
					int[] counts = row.groups().getOrDefault(key, new int[2]);
					text.append(' ')
						.append(percent((counts[1] > 0) ? counts[0] / (double) counts[1] : 0))
						.append(" (")
						.append(counts[1])
						.append(") |");
				}
				text.append('\n');
			}
		}
		text.append("\nGenerators (U = uniform per brand; Monday posting weights 2.2, 1.0, 0.8, 0.8, 0.8, 0.7, 0.7; ")
			.append("weekend sales weights 0.85, 0.85, 0.9, 0.95, 1.1, 1.3, 1.2; noise is lognormal with the stated CV; ")
			.append("sales on shop + marketplace are one brand-level series split by the stated share, each part with ")
			.append("3 % noise of its own):\n\n");
		for (Row row : rows) {
			text.append("- **").append(row.family().name()).append("**: ").append(row.family().generator()).append('\n');
		}
		return text.append(END).append('\n').toString();
	}

	/**
	 * Replaces the study's block in the given markdown file, or puts it just before "## References"
	 * (at the end when there is no such heading) the first time.
	 */
	static void writeDocs(Path file, String block) {
		writeDocs(file, block, BEGIN, END);
	}

	/** {@link #writeDocs(Path, String)} for a block between other markers (the campaign study's). */
	static void writeDocs(Path file, String block, String begin, String end) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			int from = text.indexOf(begin);
			int to = text.indexOf(end);
			String updated;
			if (from >= 0 && to > from) {
				int after = to + end.length();
				after += text.startsWith("\n", after) ? 1 : 0;
				updated = text.substring(0, from) + block + text.substring(after);
			}
			else {
				int references = text.indexOf("\n## References");
				updated = (references >= 0) ? text.substring(0, references + 1) + block + "\n"
						+ text.substring(references + 1) : text + "\n" + block;
			}
			Files.writeString(file, updated, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot update " + file, ex);
		}
	}

	/** docs/scoring.md of the reactor, found from the module directory Maven runs the tests in. */
	static Path scoringDoc() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path doc = dir.resolve("docs").resolve("scoring.md");
			if (Files.isRegularFile(doc)) {
				return doc;
			}
		}
		throw new IllegalStateException("docs/scoring.md not found above " + Path.of("").toAbsolutePath());
	}

	/** The 95 % Wilson score interval of a binomial rate, as " (low-high %)". */
	static String wilson(int events, int trials) {
		double z = 1.959964;
		double rate = events / (double) trials;
		double centre = (rate + z * z / (2 * trials)) / (1 + z * z / trials);
		double half = z / (1 + z * z / trials) * Math.sqrt(rate * (1 - rate) / trials + z * z / (4.0 * trials * trials));
		return String.format(Locale.ROOT, " (%.1f-%.1f)", Math.max(0, centre - half) * 100,
				Math.min(1, centre + half) * 100);
	}

	private static String percent(double rate) {
		return String.format(Locale.ROOT, "%.1f %%", rate * 100);
	}

	/**
	 * One family's measured row.
	 *
	 * @param family the family
	 * @param brands brands scored
	 * @param events brands for which the counted event happened
	 * @param errors brands the scorer threw on
	 * @param firstError the first such error, for the test's message; {@code null} when none
	 * @param groups per group label: events and brands
	 */
	record Row(Family family, int brands, int events, int errors, String firstError, Map<String, int[]> groups) {

		double rate() {
			return this.events / (double) this.brands;
		}

		boolean met() {
			return this.errors == 0 && this.family.target().met(rate());
		}

	}

}
