package io.brandsignal.dashboard.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.Verdict;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The latest scorecard of every brand, in PostgreSQL. Writes are idempotent upserts that never let an
 * older scorecard replace a newer one, so replays and redeliveries leave the read model unchanged.
 */
@Repository
public class ScorecardStore {

	private static final String UPSERT = """
			INSERT INTO scorecard (brand, as_of, window_days, verdict, vanity_growth_percent, outcome_growth_percent,
			                       vanity_index, impact_score, scored_at, document, updated_at)
			VALUES (:brand, :asOf, :windowDays, :verdict, :vanityGrowth, :outcomeGrowth,
			        :vanityIndex, :impactScore, :scoredAt, CAST(:document AS jsonb), now())
			ON CONFLICT (brand) DO UPDATE SET
			    as_of = EXCLUDED.as_of, window_days = EXCLUDED.window_days, verdict = EXCLUDED.verdict,
			    vanity_growth_percent = EXCLUDED.vanity_growth_percent,
			    outcome_growth_percent = EXCLUDED.outcome_growth_percent,
			    vanity_index = EXCLUDED.vanity_index, impact_score = EXCLUDED.impact_score,
			    scored_at = EXCLUDED.scored_at, document = EXCLUDED.document, updated_at = now()
			WHERE scorecard.scored_at < EXCLUDED.scored_at
			   OR (scorecard.scored_at = EXCLUDED.scored_at AND scorecard.document <> EXCLUDED.document)
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectReader documents;

	public ScorecardStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		// Documents stored before version 2 of the scorecard lack its counts (a metric's channels): read as 0,
		// shown as unknown, rather than a page that fails for every brand scored before the upgrade.
		this.documents = json.readerFor(BrandScored.class)
			.without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
	}

	/**
	 * Stores the scorecard unless the stored one for its brand is newer or the same.
	 * @param scorecard a scorecard with a brand and a {@code scoredAt}
	 * @return whether the stored scorecard changed
	 */
	public boolean upsert(BrandScored scorecard) {
		int rows = this.jdbc.sql(UPSERT)
			.param("brand", scorecard.brand())
			.param("asOf", scorecard.asOf())
			.param("windowDays", scorecard.windowDays())
			.param("verdict", scorecard.verdict().name())
			.param("vanityGrowth", scorecard.vanityGrowthPercent())
			.param("outcomeGrowth", scorecard.outcomeGrowthPercent())
			.param("vanityIndex", scorecard.vanityIndex())
			.param("impactScore", scorecard.impactScore())
			.param("scoredAt", Timestamp.from(scorecard.scoredAt()))
			.param("document", this.json.writeValueAsString(scorecard))
			.update();
		return rows > 0;
	}

	/**
	 * Whether the stored scorecard of its brand is this one (the same {@code scoredAt}), whoever stored
	 * it.
	 */
	public boolean holds(BrandScored scorecard) {
		return this.jdbc.sql("SELECT count(*) FROM scorecard WHERE brand = :brand AND scored_at = :scoredAt")
			.param("brand", scorecard.brand())
			.param("scoredAt", Timestamp.from(scorecard.scoredAt()))
			.query(Long.class)
			.single() > 0;
	}

	/** The brand's latest scorecard, if it has one. */
	public Optional<BrandScored> find(String brand) {
		return this.jdbc.sql("SELECT document FROM scorecard WHERE brand = :brand")
			.param("brand", brand)
			.query(this::document)
			.optional();
	}

	/** Whether the brand has a stored scorecard. */
	public boolean exists(String brand) {
		return this.jdbc.sql("SELECT count(*) FROM scorecard WHERE brand = :brand")
			.param("brand", brand)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Every brand's latest scorecard.
	 * @param verdict only brands with this verdict, or {@code null} for all
	 * @param sort the order
	 * @return the scorecards in that order
	 */
	public List<BrandScored> findAll(Verdict verdict, BrandSort sort) {
		return page(verdict, sort, BrandScope.ALL, Integer.MAX_VALUE, 0);
	}

	/**
	 * One page of the latest scorecards of the brands in a scope. The scope, the filter and the page are
	 * applied by the database, so a page reads its own rows and no others, however many brands there are.
	 * @param verdict only brands with this verdict, or {@code null} for all
	 * @param sort the order
	 * @param scope only brands in this scope
	 * @param limit at most this many scorecards
	 * @param offset how many to skip first
	 * @return the scorecards in that order
	 */
	public List<BrandScored> page(Verdict verdict, BrandSort sort, BrandScope scope, int limit, long offset) {
		if (!scope.all() && scope.brands().isEmpty()) {
			return List.of();
		}
		JdbcClient.StatementSpec statement = filtered("SELECT document FROM scorecard", verdict, scope,
				" ORDER BY " + sort.orderBy() + " LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset);
		return statement.query(this::document).list();
	}

	/** How many brands in the scope have a scorecard (with the verdict, when one is given). */
	public int count(Verdict verdict, BrandScope scope) {
		if (!scope.all() && scope.brands().isEmpty()) {
			return 0;
		}
		return filtered("SELECT count(*) FROM scorecard", verdict, scope, "").query(Integer.class).single();
	}

	/** How many brands have each verdict; every verdict is present, 0 when no brand has it. */
	public Map<Verdict, Long> countByVerdict() {
		return countByVerdict(BrandScope.ALL);
	}

	/** How many brands of the scope have each verdict; every verdict is present, 0 when none has it. */
	public Map<Verdict, Long> countByVerdict(BrandScope scope) {
		Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
		for (Verdict verdict : Verdict.values()) {
			counts.put(verdict, 0L);
		}
		if (!scope.all() && scope.brands().isEmpty()) {
			return counts;
		}
		filtered("SELECT verdict, count(*) AS brands FROM scorecard", null, scope, " GROUP BY verdict").query((rs) -> {
			String verdict = rs.getString("verdict");
			if (isVerdict(verdict)) {
				counts.put(Verdict.valueOf(verdict), rs.getLong("brands"));
			}
		});
		return counts;
	}

	private JdbcClient.StatementSpec filtered(String select, Verdict verdict, BrandScope scope, String tail) {
		List<String> conditions = new ArrayList<>();
		if (verdict != null) {
			conditions.add("verdict = :verdict");
		}
		if (!scope.all()) {
			conditions.add("brand IN (:brands)");
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		JdbcClient.StatementSpec statement = this.jdbc.sql(select + where + tail);
		if (verdict != null) {
			statement = statement.param("verdict", verdict.name());
		}
		if (!scope.all()) {
			statement = statement.param("brands", List.copyOf(scope.brands()));
		}
		return statement;
	}

	/**
	 * The indices of the first brands by name, for the gauges.
	 * @param limit at most this many brands
	 * @return brand, vanity index and impact score, ordered by brand
	 */
	public List<BrandIndices> indices(int limit) {
		return this.jdbc
			.sql("SELECT brand, vanity_index, impact_score FROM scorecard ORDER BY brand LIMIT :limit")
			.param("limit", limit)
			.query((rs, row) -> new BrandIndices(rs.getString("brand"), rs.getDouble("vanity_index"),
					rs.getDouble("impact_score")))
			.list();
	}

	private BrandScored document(ResultSet rs, int row) throws SQLException {
		return this.documents.readValue(rs.getString("document"));
	}

	private static boolean isVerdict(String name) {
		for (Verdict verdict : Verdict.values()) {
			if (verdict.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A brand's two indices.
	 *
	 * @param brand the brand
	 * @param vanityIndex its vanity index
	 * @param impactScore its impact score
	 */
	public record BrandIndices(String brand, double vanityIndex, double impactScore) {
	}

}
