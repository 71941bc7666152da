package io.brandsignal.scoring.cells;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One brand-day of cells: upserts by later {@code receivedAt}, cells in a fixed order, and a stored
 * form that round-trips.
 */
class DayCellsTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	/** Names kept as they are read. */
	private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

	@Test
	void keepsOneCellPerMetricAndChannelWithTheLaterReceivedValue() {
		DayCells day = new DayCells();

		assertThat(day.upsert("followers", "tiktok", 300, T0.plusNanos(2), AS_IS)).isTrue();
		assertThat(day.upsert("followers", "instagram", 700, T0, AS_IS)).isTrue();
		assertThat(day.upsert("followers", "tiktok", 999, T0.plusNanos(1), AS_IS)).as("older write").isFalse();
		assertThat(day.upsert("followers", "tiktok", 300, T0.plusNanos(2), AS_IS)).as("same write again").isFalse();
		assertThat(day.upsert("followers", "tiktok", 350, T0.plusNanos(3), AS_IS)).isTrue();
		assertThat(day.upsert("followers", "tiktok", 340, T0.plusNanos(3), AS_IS)).as("tie, smaller value").isFalse();
		assertThat(day.upsert("likes", "instagram", 40, T0, AS_IS)).isTrue();

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
				forwards.upsert(metrics[m], channels[c], m * 10 + c, T0, AS_IS);
			}
		}
		for (int m = metrics.length - 1; m >= 0; m--) {
			for (int c = channels.length - 1; c >= 0; c--) {
				backwards.upsert(metrics[m], channels[c], m * 10 + c, T0, AS_IS);
			}
		}

		assertThat(backwards.encode()).isEqualTo(forwards.encode());
		DayCells decoded = DayCells.decode(forwards.encode());
		assertThat(decoded.size()).isEqualTo(15);
		assertThat(cells(decoded)).startsWith("brand_awareness/all=0.0", "brand_awareness/instagram=1.0",
				"brand_awareness/tiktok=2.0", "followers/all=10.0")
			.endsWith("sales_revenue/tiktok=42.0");
		assertThat(decoded.upsert("likes", "tiktok", 22, T0, AS_IS)).as("decoded receivedAt, tie, same value").isFalse();
		assertThat(decoded.upsert("likes", "tiktok", 21, T0.minusNanos(1), AS_IS)).as("decoded receivedAt, older").isFalse();
		assertThat(decoded.upsert("likes", "tiktok", 23, T0, AS_IS)).as("decoded receivedAt, tie, larger value").isTrue();
	}

	@Test
	void keepsTheSharedInstanceOfANewCellsNamesAndLeavesAHeldCellsAlone() {
		String sharedMetric = "followers";
		String sharedChannel = "tiktok";
		UnaryOperator<String> shared = (name) -> name.equals(sharedMetric) ? sharedMetric
				: name.equals(sharedChannel) ? sharedChannel : name;
		DayCells day = new DayCells();

		day.upsert(new String("followers"), new String("tiktok"), 1, T0, shared);
		day.upsert(new String("followers"), new String("tiktok"), 2, T0.plusNanos(1), (name) -> new String(name));

		List<String> names = new ArrayList<>();
		day.forEachCell((metric, channel, value) -> {
			names.add(metric);
			names.add(channel);
		});
		assertThat(names).hasSize(2);
		assertThat(names.get(0)).isSameAs(sharedMetric);
		assertThat(names.get(1)).isSameAs(sharedChannel);
		assertThat(cells(day)).containsExactly("followers/tiktok=2.0");
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
