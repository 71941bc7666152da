package io.brandsignal.scoring.campaign;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a campaign ran, as the lift estimate needs it: its first and last day (inclusive) and how many days
 * after its end its effect is still counted (the carry-over: followers who keep following, sales that come
 * a week later).
 *
 * @param id the campaign's id, to name it when another campaign overlaps
 * @param start first day of the campaign
 * @param end last day of the campaign, inclusive
 * @param carryOverDays days after {@code end} still counted as the campaign's effect
 */
public record CampaignWindow(String id, LocalDate start, LocalDate end, int carryOverDays) {

	public CampaignWindow {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("Campaign '" + id + "' ends before it starts");
		}
		if (carryOverDays < 0) {
			throw new IllegalArgumentException("Campaign '" + id + "' has a negative carry-over");
		}
	}

	/** The last day its effect is counted: {@code end + carryOverDays}. */
	public LocalDate effectEnd() {
		return this.end.plusDays(this.carryOverDays);
	}

	/** Whether its days of effect ({@code start..effectEnd}) share a day with the other campaign's. */
	public boolean overlaps(CampaignWindow other) {
		return !this.start.isAfter(other.effectEnd()) && !other.start.isAfter(effectEnd());
	}

	/** Whether the day lies within {@code start..effectEnd}. */
	boolean covers(long epochDay) {
		return epochDay >= this.start.toEpochDay() && epochDay <= effectEnd().toEpochDay();
	}

}
