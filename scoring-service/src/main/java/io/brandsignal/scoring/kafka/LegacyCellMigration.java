package io.brandsignal.scoring.kafka;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Converts a cell store written by the first layout (one entry per cell, keyed
 * {@code brand|metric|channel|date}) to the current one (one {@link DayCells} entry per brand and day,
 * keyed {@code brand|date}), so a ledger kept by an earlier version survives the upgrade. It runs once
 * per store: the store then carries a layout marker, and later checks cost one lookup.
 * <p>
 * The conversion happens inside a stream task's processing, so under {@code exactly_once_v2} it
 * commits atomically with the records processed alongside it. It holds one brand in memory at a time.
 */
final class LegacyCellMigration {

	/** The layout marker; {@code ~} sorts after every brand slug, so no brand's prefix scan sees it. */
	static final String LAYOUT_KEY = "~layout";

	private static final byte[] DAY_LAYOUT = { 2 };

	private LegacyCellMigration() {
	}

	/**
	 * Converts the store if it has not been yet.
	 * @return the number of legacy cells converted
	 */
	static int migrate(KeyValueStore<String, byte[]> cells) {
		if (cells.get(LAYOUT_KEY) != null) {
			return 0;
		}
		int converted = 0;
		String from = "";
		while (true) {
			List<String> legacyKeys = new ArrayList<>();
			Map<LocalDate, DayCells> days = new TreeMap<>();
			String brand = null;
			try (KeyValueIterator<String, byte[]> scan = cells.range(from, LAYOUT_KEY)) {
				while (scan.hasNext()) {
					KeyValue<String, byte[]> entry = scan.next();
					String[] parts = entry.key.split("\\|");
					if (brand == null) {
						brand = parts[0];
					}
					else if (!brand.equals(parts[0])) {
						break;
					}
					if (parts.length == 4) {
						CellValue cell = CellValue.decodeLegacy(entry.value);
						days.computeIfAbsent(ScoringProcessor.parseDate(parts[3]), (date) -> new DayCells())
							.upsert(parts[1], parts[2], cell.value(), cell.receivedAt());
						legacyKeys.add(entry.key);
					}
				}
			}
			if (brand == null) {
				break;
			}
			legacyKeys.forEach(cells::delete);
			for (Map.Entry<LocalDate, DayCells> day : days.entrySet()) {
				cells.put(ScoringProcessor.dayKey(brand, day.getKey()), day.getValue().encode());
			}
			converted += legacyKeys.size();
			// every key of the brand lies in [brand|, brand}): '}' follows '|'
			from = brand + '}';
		}
		cells.put(LAYOUT_KEY, DAY_LAYOUT);
		return converted;
	}

}
