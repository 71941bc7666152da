package io.brandsignal.dashboard.readmodel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders in which the portfolio lists campaigns; each knows its natural direction, and campaigns without the
 * lift sorted on come last.
 */
public enum CampaignSort {

	/** Latest start first. */
	START("start", "start_date DESC, brand ASC, id ASC"),

	/** Highest relative audience lift first. */
	AUDIENCE_LIFT("audienceLift", "audience_lift_percent DESC NULLS LAST, start_date DESC, brand ASC, id ASC"),

	/** Highest relative outcome lift first. */
	OUTCOME_LIFT("outcomeLift", "outcome_lift_percent DESC NULLS LAST, start_date DESC, brand ASC, id ASC");

	private final String parameter;

	private final String orderBy;

	CampaignSort(String parameter, String orderBy) {
		this.parameter = parameter;
		this.orderBy = orderBy;
	}

	String orderBy() {
		return this.orderBy;
	}

	/** The request parameter that names this order, as links write it. */
	public String parameter() {
		return this.parameter;
	}

	/** The order a request parameter names, if any. */
	public static Optional<CampaignSort> fromParameter(String parameter) {
		return Arrays.stream(values()).filter((sort) -> sort.parameter.equalsIgnoreCase(parameter)).findFirst();
	}

}
