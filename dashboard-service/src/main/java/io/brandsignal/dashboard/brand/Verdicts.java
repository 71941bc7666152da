package io.brandsignal.dashboard.brand;

import java.util.EnumMap;
import java.util.Map;

import io.brandsignal.contract.event.Verdict;

/**
 * The words the dashboard shows for each verdict, so a verdict never rests on colour alone.
 */
public final class Verdicts {

	private static final Map<Verdict, String> LABELS = new EnumMap<>(Verdict.class);

	private static final Map<Verdict, String> MEANINGS = new EnumMap<>(Verdict.class);

	static {
		put(Verdict.BRAND_BUILDER, "Brand builder", "Audience and outcomes both grow.");
		put(Verdict.VANITY_TRAP, "Vanity trap", "Audience grows, outcomes are flat or falling.");
		put(Verdict.QUIET_PERFORMER, "Quiet performer", "Outcomes grow without audience growth.");
		put(Verdict.DECLINING, "Declining", "Outcomes fall and the audience does not grow.");
		put(Verdict.STEADY, "Steady", "Neither audience nor outcomes move.");
		put(Verdict.INSUFFICIENT_DATA, "Insufficient data", "Too little data in the window to say.");
	}

	private Verdicts() {
	}

	private static void put(Verdict verdict, String label, String meaning) {
		LABELS.put(verdict, label);
		MEANINGS.put(verdict, meaning);
	}

	/** The verdict in words, such as "Vanity trap". */
	public static String label(Verdict verdict) {
		return (verdict != null) ? LABELS.get(verdict) : "Unknown";
	}

	/** What the verdict means, in one sentence. */
	public static String meaning(Verdict verdict) {
		return (verdict != null) ? MEANINGS.get(verdict) : "";
	}

}
