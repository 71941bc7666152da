package io.brandsignal.scoring.kafka;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.scoring.cells.DayKey;
import io.brandsignal.scoring.ledger.BrandLedger;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The last rollup one stream task published per brand and day (store keyed by {@link DayKey}, values
 * in a compact exact form), to publish only the rollups whose values changed.
 */
final class PublishedRollups {

	private final KeyValueStore<String, byte[]> store;

	PublishedRollups(KeyValueStore<String, byte[]> store) {
		this.store = store;
	}

	/**
	 * The brand's rollups that differ from the last published ones, recorded as published. Days before
	 * {@code horizonStart} are forgotten. Compared are the days from the earliest changed one, or from
	 * the day after the last published rollup when that is earlier: a LEVEL value now carries forward
	 * across those days even when no cell of theirs changed.
	 * @param ledger the brand's ledger, not empty
	 * @param changedSince the earliest day whose cells changed
	 * @param horizonStart the earliest day the brand keeps
	 * @return the rollups to publish, in date order
	 */
	List<DailyRollup> changed(BrandLedger ledger, LocalDate changedSince, LocalDate horizonStart) {
		String brand = ledger.brand();
		forgetBefore(brand, horizonStart);
		LocalDate from = changedSince;
		LocalDate lastPublished = lastPublished(brand);
		if (lastPublished != null && lastPublished.plusDays(1).isBefore(from)) {
			from = lastPublished.plusDays(1);
		}
		from = latestOf(latestOf(from, ledger.firstDate()), horizonStart);
		List<DailyRollup> changed = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(ledger.latestDate()); day = day.plusDays(1)) {
			DailyRollup rollup = ledger.rollup(day);
			if (rollup.metrics().isEmpty()) {
				continue;
			}
			String key = DayKey.of(brand, day);
			byte[] content = content(rollup);
			if (!Arrays.equals(content, this.store.get(key))) {
				this.store.put(key, content);
				changed.add(rollup);
			}
		}
		return changed;
	}

	private void forgetBefore(String brand, LocalDate horizonStart) {
		List<String> expired = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> before = this.store.range(DayKey.prefix(brand),
				DayKey.of(brand, horizonStart.minusDays(1)))) {
			before.forEachRemaining((rollup) -> expired.add(rollup.key));
		}
		expired.forEach(this.store::delete);
	}

	private LocalDate lastPublished(String brand) {
		try (KeyValueIterator<String, byte[]> last = this.store.reverseRange(DayKey.prefix(brand),
				DayKey.upperBound(brand))) {
			return last.hasNext() ? DayKey.dateOf(last.next().key) : null;
		}
	}

	/**
	 * What a rollup says, in a compact exact form: the store keeps this rather than the JSON, as it is
	 * only compared (tiers follow from the metrics).
	 */
	private static byte[] content(DailyRollup rollup) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * rollup.metrics().size());
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			for (Map.Entry<String, Double> metric : new TreeMap<>(rollup.metrics()).entrySet()) {
				out.writeUTF(metric.getKey());
				out.writeDouble(metric.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static LocalDate latestOf(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
