package io.brandsignal.scoring.cells;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One brand-day of cells: upserts by later {@code receivedAt}, cells in a fixed order, and a stored
 * form that round-trips.
 */
class DayCellsTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void keepsOneCellPerMetricAndChannelWithTheLaterReceivedValue() {
		DayCells day = new DayCells();

		assertThat(day.upsert("followers", "tiktok", 300, T0.plusNanos(2))).isTrue();
		assertThat(day.upsert("followers", "instagram", 700, T0)).isTrue();
		assertThat(day.upsert("followers", "tiktok", 999, T0.plusNanos(1))).as("older write").isFalse();
		assertThat(day.upsert("followers", "tiktok", 300, T0.plusNanos(2))).as("same write again").isFalse();
		assertThat(day.upsert("followers", "tiktok", 350, T0.plusNanos(3))).isTrue();
		assertThat(day.upsert("followers", "tiktok", 340, T0.plusNanos(3))).as("tie, smaller value").isFalse();
		assertThat(day.upsert("likes", "instagram", 40, T0)).isTrue();

		assertThat(day.size()).isEqualTo(3);
		assertThat(cells(day)).containsExactly("followers/instagram=700.0", "followers/tiktok=350.0",
				"likes/instagram=40.0");
	}

	@Test
	void storedFormDoesNotDependOnArrivalOrder() {
		DayCells forwards = new DayCells();
		DayCells backwards = new DayCells();
		String[] metrics = { "brand_awareness", "followers", "likes", "sales", "sales_revenue" };
		String[] channels = { "all", "instagram", "tiktok" };
		for (int m = 0; m < metrics.length; m++) {
			for (int c = 0; c < channels.length; c++) {
				forwards.upsert(metrics[m], channels[c], m * 10 + c, T0);
			}
		}
		for (int m = metrics.length - 1; m >= 0; m--) {
			for (int c = channels.length - 1; c >= 0; c--) {
				backwards.upsert(metrics[m], channels[c], m * 10 + c, T0);
			}
		}

		assertThat(backwards.encode()).isEqualTo(forwards.encode());
		DayCells decoded = DayCells.decode(forwards.encode());
		assertThat(decoded.size()).isEqualTo(15);
		assertThat(cells(decoded)).startsWith("brand_awareness/all=0.0", "brand_awareness/instagram=1.0",
				"brand_awareness/tiktok=2.0", "followers/all=10.0")
			.endsWith("sales_revenue/tiktok=42.0");
		assertThat(decoded.upsert("likes", "tiktok", 22, T0)).as("decoded receivedAt, tie, same value").isFalse();
		assertThat(decoded.upsert("likes", "tiktok", 21, T0.minusNanos(1))).as("decoded receivedAt, older").isFalse();
		assertThat(decoded.upsert("likes", "tiktok", 23, T0)).as("decoded receivedAt, tie, larger value").isTrue();
	}

	@Test
	void noEntryIsAnEmptyDay() {
		assertThat(DayCells.decode(null).isEmpty()).isTrue();
		assertThat(DayCells.decode(new DayCells().encode()).isEmpty()).isTrue();
	}

	/** Every cell as {@code metric/channel=value}, in the order the day hands them out. */
	private static List<String> cells(DayCells day) {
		List<String> cells = new ArrayList<>();
		day.forEachCell((metric, channel, value) -> cells.add(metric + "/" + channel + "=" + value));
		return cells;
	}

}
