package io.brandsignal.dashboard.campaign;

import java.math.BigDecimal;
import java.util.List;

import io.brandsignal.dashboard.readmodel.CampaignRow;
import io.brandsignal.dashboard.series.SeriesCsv;

/**
 * The portfolio as CSV (RFC 4180: CRLF line ends, quoted where a cell needs it), one campaign per row. Text
 * cells are defused against formula injection as the series export does ({@link SeriesCsv#text}); numbers are
 * written by this class and are never formulas.
 */
public final class CampaignCsv {

	/** The header row. */
	public static final String HEADER = "brand,campaign,name,kind,start_date,end_date,verdict,as_of,"
			+ "audience_metric,audience_lift_percent,audience_lift_low_percent,audience_lift_high_percent,"
			+ "outcome_metric,outcome_lift_percent,outcome_lift_low_percent,outcome_lift_high_percent,spend,currency";

	private CampaignCsv() {
	}

	/** The rows as CSV, header first. */
	public static String write(List<CampaignRow> rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (CampaignRow row : rows) {
			csv.append(String.join(",", SeriesCsv.text(row.brand()), SeriesCsv.text(row.id()),
					SeriesCsv.text(row.name()), row.kind().name(), row.startDate().toString(), row.endDate().toString(),
					row.verdict().name(), (row.asOf() != null) ? row.asOf().toString() : "",
					SeriesCsv.text(row.audienceMetric()), number(row.audienceLiftPercent()),
					number(row.audienceLiftLowPercent()), number(row.audienceLiftHighPercent()),
					SeriesCsv.text(row.outcomeMetric()), number(row.outcomeLiftPercent()),
					number(row.outcomeLiftLowPercent()), number(row.outcomeLiftHighPercent()), money(row.spend()),
					SeriesCsv.text(row.currency())))
				.append("\r\n");
		}
		return csv.toString();
	}

	private static String number(Double value) {
		return (value != null && Double.isFinite(value)) ? Double.toString(value) : "";
	}

	private static String money(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "";
	}

}
