package io.brandsignal.dashboard.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignVerdict;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every brand's campaigns as last defined and their latest measured lift, in PostgreSQL. Writes are idempotent
 * upserts that never let an older definition or result replace a newer one, so replays and redeliveries leave
 * the read model unchanged; deletes follow the topics' tombstones.
 */
@Repository
public class CampaignStore {

	/** The most campaigns of one brand the brand page lists and marks. */
	public static final int MAX_PER_BRAND = 200;

	private static final String UPSERT_DEFINITION = """
			INSERT INTO campaign (brand, id, name, kind, start_date, end_date, updated_at, document)
			VALUES (:brand, :id, :name, :kind, :startDate, :endDate, :updatedAt, CAST(:document AS jsonb))
			ON CONFLICT (brand, id) DO UPDATE SET
			    name = EXCLUDED.name, kind = EXCLUDED.kind, start_date = EXCLUDED.start_date,
			    end_date = EXCLUDED.end_date, updated_at = EXCLUDED.updated_at, document = EXCLUDED.document
			WHERE campaign.updated_at < EXCLUDED.updated_at
			   OR (campaign.updated_at = EXCLUDED.updated_at AND campaign.document <> EXCLUDED.document)
			""";

	private static final String UPSERT_RESULT = """
			INSERT INTO campaign_result (brand, id, name, kind, start_date, end_date, as_of, verdict,
			    audience_metric, audience_lift_percent, audience_lift_low, audience_lift_high,
			    outcome_metric, outcome_lift_percent, outcome_lift_low, outcome_lift_high,
			    spend, currency, scored_at, document)
			VALUES (:brand, :id, :name, :kind, :startDate, :endDate, :asOf, :verdict,
			    :audienceMetric, :audienceLift, :audienceLow, :audienceHigh,
			    :outcomeMetric, :outcomeLift, :outcomeLow, :outcomeHigh,
			    :spend, :currency, :scoredAt, CAST(:document AS jsonb))
			ON CONFLICT (brand, id) DO UPDATE SET
			    name = EXCLUDED.name, kind = EXCLUDED.kind, start_date = EXCLUDED.start_date,
			    end_date = EXCLUDED.end_date, as_of = EXCLUDED.as_of, verdict = EXCLUDED.verdict,
			    audience_metric = EXCLUDED.audience_metric, audience_lift_percent = EXCLUDED.audience_lift_percent,
			    audience_lift_low = EXCLUDED.audience_lift_low, audience_lift_high = EXCLUDED.audience_lift_high,
			    outcome_metric = EXCLUDED.outcome_metric, outcome_lift_percent = EXCLUDED.outcome_lift_percent,
			    outcome_lift_low = EXCLUDED.outcome_lift_low, outcome_lift_high = EXCLUDED.outcome_lift_high,
			    spend = EXCLUDED.spend, currency = EXCLUDED.currency, scored_at = EXCLUDED.scored_at,
			    document = EXCLUDED.document
			WHERE campaign_result.scored_at < EXCLUDED.scored_at
			   OR (campaign_result.scored_at = EXCLUDED.scored_at AND campaign_result.document <> EXCLUDED.document)
			""";

	private static final String ROW_COLUMNS = "brand, id, name, kind, start_date, end_date, as_of, verdict, "
			+ "audience_metric, audience_lift_percent, audience_lift_low, audience_lift_high, outcome_metric, "
			+ "outcome_lift_percent, outcome_lift_low, outcome_lift_high, spend, currency";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public CampaignStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores a campaign's definition unless the stored one is newer or the same.
	 * @return whether the stored definition changed
	 */
	public boolean upsert(CampaignDefined campaign) {
		return this.jdbc.sql(UPSERT_DEFINITION)
			.param("brand", campaign.brand())
			.param("id", campaign.id())
			.param("name", campaign.name())
			.param("kind", campaign.kind().name())
			.param("startDate", campaign.startDate())
			.param("endDate", campaign.endDate())
			.param("updatedAt", Timestamp.from(campaign.updatedAt()))
			.param("document", this.json.writeValueAsString(campaign))
			.update() > 0;
	}

	/** Whether the stored definition of the campaign is this one, whoever stored it. */
	public boolean holds(CampaignDefined campaign) {
		return this.jdbc.sql("SELECT count(*) FROM campaign WHERE brand = :brand AND id = :id AND updated_at = :at")
			.param("brand", campaign.brand())
			.param("id", campaign.id())
			.param("at", Timestamp.from(campaign.updatedAt()))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Stores a campaign's result unless the stored one is newer or the same.
	 * @return whether the stored result changed
	 */
	public boolean upsert(CampaignScored result) {
		CampaignRow row = CampaignRow.of(result);
		return this.jdbc.sql(UPSERT_RESULT)
			.param("brand", result.brand())
			.param("id", result.campaignId())
			.param("name", result.name())
			.param("kind", result.kind().name())
			.param("startDate", result.startDate())
			.param("endDate", result.endDate())
			.param("asOf", result.asOf())
			.param("verdict", result.verdict().name())
			.param("audienceMetric", row.audienceMetric())
			.param("audienceLift", row.audienceLiftPercent())
			.param("audienceLow", row.audienceLiftLowPercent())
			.param("audienceHigh", row.audienceLiftHighPercent())
			.param("outcomeMetric", row.outcomeMetric())
			.param("outcomeLift", row.outcomeLiftPercent())
			.param("outcomeLow", row.outcomeLiftLowPercent())
			.param("outcomeHigh", row.outcomeLiftHighPercent())
			.param("spend", result.spend())
			.param("currency", result.currency())
			.param("scoredAt", Timestamp.from(result.scoredAt()))
			.param("document", this.json.writeValueAsString(result))
			.update() > 0;
	}

	/** Whether the stored result of the campaign is this one, whoever stored it. */
	public boolean holds(CampaignScored result) {
		return this.jdbc
			.sql("SELECT count(*) FROM campaign_result WHERE brand = :brand AND id = :id AND scored_at = :at")
			.param("brand", result.brand())
			.param("id", result.campaignId())
			.param("at", Timestamp.from(result.scoredAt()))
			.query(Long.class)
			.single() > 0;
	}

	/** Deletes a campaign's definition (its tombstone arrived); whether there was one. */
	public boolean deleteDefinition(String brand, String id) {
		return this.jdbc.sql("DELETE FROM campaign WHERE brand = :brand AND id = :id")
			.param("brand", brand)
			.param("id", id)
			.update() > 0;
	}

	/** Deletes a campaign's result (its tombstone arrived); whether there was one. */
	public boolean deleteResult(String brand, String id) {
		return this.jdbc.sql("DELETE FROM campaign_result WHERE brand = :brand AND id = :id")
			.param("brand", brand)
			.param("id", id)
			.update() > 0;
	}

	/** The campaign as last defined, if it is defined. */
	public Optional<CampaignDefined> findDefinition(String brand, String id) {
		return this.jdbc.sql("SELECT document FROM campaign WHERE brand = :brand AND id = :id")
			.param("brand", brand)
			.param("id", id)
			.query((rs, row) -> this.json.readValue(rs.getString("document"), CampaignDefined.class))
			.optional();
	}

	/** The campaign's latest result, if it has one. */
	public Optional<CampaignScored> findResult(String brand, String id) {
		return this.jdbc.sql("SELECT document FROM campaign_result WHERE brand = :brand AND id = :id")
			.param("brand", brand)
			.param("id", id)
			.query((rs, row) -> this.json.readValue(rs.getString("document"), CampaignScored.class))
			.optional();
	}

	/**
	 * The brand's campaigns, defined or scored, with their verdicts where scored, by start (latest first); at
	 * most {@link #MAX_PER_BRAND}.
	 */
	public List<BrandCampaign> ofBrand(String brand) {
		return this.jdbc.sql("""
				SELECT coalesce(c.id, r.id) AS id, coalesce(c.name, r.name) AS name, coalesce(c.kind, r.kind) AS kind,
				       coalesce(c.start_date, r.start_date) AS start_date, coalesce(c.end_date, r.end_date) AS end_date,
				       r.verdict, CAST(r.document ->> 'carryOverDays' AS INTEGER) AS carry_over_days
				FROM (SELECT * FROM campaign WHERE brand = :brand) c
				FULL OUTER JOIN (SELECT * FROM campaign_result WHERE brand = :brand) r ON c.id = r.id
				ORDER BY start_date DESC, id
				LIMIT :limit
				""")
			.param("brand", brand)
			.param("limit", MAX_PER_BRAND)
			.query((rs, row) -> new BrandCampaign(rs.getString("id"), rs.getString("name"),
					CampaignKind.valueOf(rs.getString("kind")), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class), verdict(rs.getString("verdict")),
					rs.getObject("carry_over_days", Integer.class)))
			.list();
	}

	/**
	 * One page of the scored campaigns of the brands in a scope, in the order asked for. The scope, the filter,
	 * the order and the page are applied by the database.
	 */
	public List<CampaignRow> page(CampaignFilter filter, CampaignSort sort, BrandScope scope, int limit,
			long offset) {
		if (!scope.all() && scope.brands().isEmpty()) {
			return List.of();
		}
		return filtered("SELECT " + ROW_COLUMNS + " FROM campaign_result", filter, scope,
				" ORDER BY " + sort.orderBy() + " LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(this::row)
			.list();
	}

	/** How many scored campaigns of the scope pass the filter. */
	public int count(CampaignFilter filter, BrandScope scope) {
		if (!scope.all() && scope.brands().isEmpty()) {
			return 0;
		}
		return filtered("SELECT count(*) FROM campaign_result", filter, scope, "").query(Integer.class).single();
	}

	private JdbcClient.StatementSpec filtered(String select, CampaignFilter filter, BrandScope scope, String tail) {
		List<String> conditions = new ArrayList<>();
		if (filter.kind() != null) {
			conditions.add("kind = :kind");
		}
		if (filter.verdict() != null) {
			conditions.add("verdict = :verdict");
		}
		if (!scope.all()) {
			conditions.add("brand IN (:brands)");
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		JdbcClient.StatementSpec statement = this.jdbc.sql(select + where + tail);
		if (filter.kind() != null) {
			statement = statement.param("kind", filter.kind().name());
		}
		if (filter.verdict() != null) {
			statement = statement.param("verdict", filter.verdict().name());
		}
		if (!scope.all()) {
			statement = statement.param("brands", List.copyOf(scope.brands()));
		}
		return statement;
	}

	private CampaignRow row(ResultSet rs, int row) throws SQLException {
		return new CampaignRow(rs.getString("brand"), rs.getString("id"), rs.getString("name"),
				CampaignKind.valueOf(rs.getString("kind")), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getObject("as_of", LocalDate.class),
				verdict(rs.getString("verdict")), rs.getString("audience_metric"),
				rs.getObject("audience_lift_percent", Double.class), rs.getObject("audience_lift_low", Double.class),
				rs.getObject("audience_lift_high", Double.class), rs.getString("outcome_metric"),
				rs.getObject("outcome_lift_percent", Double.class), rs.getObject("outcome_lift_low", Double.class),
				rs.getObject("outcome_lift_high", Double.class), rs.getBigDecimal("spend"), rs.getString("currency"));
	}

	private static CampaignVerdict verdict(String name) {
		return (name != null) ? CampaignVerdict.valueOf(name) : null;
	}

	/**
	 * A campaign of a brand as the brand page lists and marks it.
	 *
	 * @param id its id
	 * @param name its name
	 * @param kind its kind
	 * @param startDate its first day
	 * @param endDate its last day
	 * @param verdict its verdict, {@code null} until it is scored
	 * @param carryOverDays the days after its end still counted as its effect, {@code null} until it is scored
	 */
	public record BrandCampaign(String id, String name, CampaignKind kind, LocalDate startDate, LocalDate endDate,
			CampaignVerdict verdict, Integer carryOverDays) {
	}

}
