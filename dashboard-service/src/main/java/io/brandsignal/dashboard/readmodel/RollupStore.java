package io.brandsignal.dashboard.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.event.DailyRollup;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every brand's daily value per metric, in PostgreSQL, from the daily rollups. A rollup replaces the
 * brand's whole day, so a later rollup for a day wins and a replayed one changes nothing.
 */
@Repository
public class RollupStore {

	private static final String UPSERT = """
			INSERT INTO daily_metric_value (brand, day, metric, value) VALUES (:brand, :day, :metric, :value)
			ON CONFLICT (brand, day, metric) DO UPDATE SET value = EXCLUDED.value
			WHERE daily_metric_value.value IS DISTINCT FROM EXCLUDED.value
			""";

	private static final String BATCH_UPSERT = UPSERT.replace(":brand", "?")
		.replace(":day", "?")
		.replace(":metric", "?")
		.replace(":value", "?");

	/** An empty array leaves {@code metric = ANY(?)} false for every row: a day without metrics loses them all. */
	private static final String BATCH_DELETE_STALE = "DELETE FROM daily_metric_value "
			+ "WHERE brand = ? AND day = ? AND NOT (metric = ANY(?))";

	private static final Comparator<DailyRollup> BRAND_THEN_DAY = Comparator.comparing(DailyRollup::brand)
		.thenComparing(DailyRollup::date);

	private static final String COLUMNS = "SELECT brand, day, metric, value FROM daily_metric_value ";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	public RollupStore(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Makes the brand's stored day equal to the rollup: metrics it carries are inserted or updated,
	 * metrics it no longer carries are removed.
	 * @param rollup the rollup of one brand and day
	 * @return whether anything stored changed
	 */
	@Transactional
	public boolean upsert(DailyRollup rollup) {
		List<String> metrics = new ArrayList<>(rollup.metrics().keySet());
		String stale = metrics.isEmpty() ? "" : " AND metric NOT IN (:metrics)";
		JdbcClient.StatementSpec delete = this.jdbc
			.sql("DELETE FROM daily_metric_value WHERE brand = :brand AND day = :day" + stale)
			.param("brand", rollup.brand())
			.param("day", rollup.date());
		if (!metrics.isEmpty()) {
			delete = delete.param("metrics", metrics);
		}
		int changed = delete.update();
		for (Map.Entry<String, Double> value : rollup.metrics().entrySet()) {
			changed += this.jdbc.sql(UPSERT)
				.param("brand", rollup.brand())
				.param("day", rollup.date())
				.param("metric", value.getKey())
				.param("value", value.getValue())
				.update();
		}
		return changed > 0;
	}

	/**
	 * Stores the rollups as {@link #upsert} would one after the other, but for a whole poll of the topic at
	 * once: in one transaction and two JDBC batches. A day's last rollup in the list is the one that counts,
	 * since it replaces the whole day over what the earlier ones of that day stored.
	 * @param rollups the rollups in the order they were published
	 */
	@Transactional
	public void upsertAll(List<DailyRollup> rollups) {
		Map<String, DailyRollup> latest = new LinkedHashMap<>();
		for (DailyRollup rollup : rollups) {
			latest.put(DailyRollup.key(rollup.brand(), rollup.date()), rollup);
		}
		// One order for every writer, so instances sharing the database lock rows in the same order.
		List<DailyRollup> days = latest.values().stream().sorted(BRAND_THEN_DAY).toList();
		this.batches.batchUpdate(BATCH_DELETE_STALE, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				DailyRollup rollup = days.get(i);
				statement.setString(1, rollup.brand());
				statement.setObject(2, rollup.date());
				statement.setArray(3, statement.getConnection()
					.createArrayOf("text", rollup.metrics().keySet().toArray(String[]::new)));
			}

			@Override
			public int getBatchSize() {
				return days.size();
			}

		});
		List<Object[]> values = new ArrayList<>();
		for (DailyRollup rollup : days) {
			rollup.metrics()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((value) -> values
					.add(new Object[] { rollup.brand(), rollup.date(), value.getKey(), value.getValue() }));
		}
		this.batches.batchUpdate(BATCH_UPSERT, values);
	}

	/** The brand's values from {@code from} to {@code to}, both inclusive, ordered by day and metric. */
	public List<MetricValue> values(String brand, LocalDate from, LocalDate to) {
		return this.jdbc.sql(COLUMNS + "WHERE brand = :brand AND day BETWEEN :from AND :to ORDER BY day, metric")
			.param("brand", brand)
			.param("from", from)
			.param("to", to)
			.query(RollupStore::metricValue)
			.list();
	}

	/**
	 * The values of the given brands inside their scorecards' windows, for the overview's sparklines: one
	 * query for a page of brands, reading nothing of the others.
	 * @param brands the brands, those without a scorecard have no values here
	 * @return their values, ordered by brand, day and metric
	 */
	public List<MetricValue> valuesInScoringWindows(Collection<String> brands) {
		if (brands.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT v.brand, v.day, v.metric, v.value FROM daily_metric_value v
				JOIN scorecard s ON s.brand = v.brand
				WHERE v.brand IN (:brands) AND v.day > s.as_of - s.window_days AND v.day <= s.as_of
				ORDER BY v.brand, v.day, v.metric
				""").param("brands", List.copyOf(brands)).query(RollupStore::metricValue).list();
	}

	/** The brand's latest day with a stored value, if any. */
	public Optional<LocalDate> latestDay(String brand) {
		return Optional.ofNullable(this.jdbc.sql("SELECT max(day) FROM daily_metric_value WHERE brand = :brand")
			.param("brand", brand)
			.query(LocalDate.class)
			.optional()
			.orElse(null));
	}

	private static MetricValue metricValue(ResultSet rs, int row) throws SQLException {
		return new MetricValue(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getDouble(4));
	}

}
