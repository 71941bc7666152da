package io.brandsignal.scoring.cells;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The cells of one brand on one day: per metric and channel, the value and when ingest accepted it.
 * One state-store entry per brand and day (keyed by {@link DayKey}) rather than one per cell: a day's
 * metrics usually arrive together, so the store (a {@code WriteBehindStore}) folds them into one changelog
 * record, and a brand's cells are still one prefix scan.
 * <p>
 * Cells are kept sorted by metric, then channel, so the stored form and the order in which the ledger
 * receives them never depend on the order in which observations arrived. Mutable and not thread-safe,
 * like the stream task that owns it.
 */
final class DayCells {

	private static final int INITIAL_CAPACITY = 8;

	private String[] metrics;

	private String[] channels;

	private double[] values;

	private long[] receivedSeconds;

	private int[] receivedNanos;

	private int size;

	DayCells() {
		this(INITIAL_CAPACITY);
	}

	private DayCells(int capacity) {
		this.metrics = new String[capacity];
		this.channels = new String[capacity];
		this.values = new double[capacity];
		this.receivedSeconds = new long[capacity];
		this.receivedNanos = new int[capacity];
	}

	int size() {
		return this.size;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/**
	 * Writes one cell unless the cell already holds a value that wins over it ({@link CellValue#supersedes}).
	 * @param names maps the names of a new cell to the instances to keep, so days held in memory share them
	 * (a cell already held keeps its own)
	 * @return whether the day changed
	 */
	boolean upsert(String metric, String channel, double value, Instant receivedAt, UnaryOperator<String> names) {
		int index = indexOf(metric, channel);
		CellValue written = new CellValue(value, receivedAt);
		if (index >= 0) {
			CellValue current = new CellValue(this.values[index],
					Instant.ofEpochSecond(this.receivedSeconds[index], this.receivedNanos[index]));
			if (!written.supersedes(current) || written.equals(current)) {
				return false;
			}
			set(index, value, receivedAt);
			return true;
		}
		int insertAt = -index - 1;
		if (this.size == this.metrics.length) {
			grow();
		}
		int tail = this.size - insertAt;
		System.arraycopy(this.metrics, insertAt, this.metrics, insertAt + 1, tail);
		System.arraycopy(this.channels, insertAt, this.channels, insertAt + 1, tail);
		System.arraycopy(this.values, insertAt, this.values, insertAt + 1, tail);
		System.arraycopy(this.receivedSeconds, insertAt, this.receivedSeconds, insertAt + 1, tail);
		System.arraycopy(this.receivedNanos, insertAt, this.receivedNanos, insertAt + 1, tail);
		this.metrics[insertAt] = names.apply(metric);
		this.channels[insertAt] = names.apply(channel);
		set(insertAt, value, receivedAt);
		this.size++;
		return true;
	}

	/** Receives one cell of a day: its metric, channel and value. */
	@FunctionalInterface
	interface CellConsumer {

		void accept(String metric, String channel, double value);

	}

	/** Hands every cell to {@code action}, sorted by metric, then channel. */
	void forEachCell(CellConsumer action) {
		for (int i = 0; i < this.size; i++) {
			action.accept(this.metrics[i], this.channels[i], this.values[i]);
		}
	}

	/** The stored form: a count, then per cell metric, channel, value and {@code receivedAt}. */
	byte[] encode() {
		byte[][] names = new byte[this.size * 2][];
		int length = Short.BYTES;
		for (int i = 0; i < this.size; i++) {
			names[2 * i] = this.metrics[i].getBytes(StandardCharsets.UTF_8);
			names[2 * i + 1] = this.channels[i].getBytes(StandardCharsets.UTF_8);
			length += 2 * Short.BYTES + names[2 * i].length + names[2 * i + 1].length + Double.BYTES + Long.BYTES
					+ Integer.BYTES;
		}
		ByteBuffer out = ByteBuffer.allocate(length);
		out.putShort((short) this.size);
		for (int i = 0; i < this.size; i++) {
			putName(out, names[2 * i]);
			putName(out, names[2 * i + 1]);
			out.putDouble(this.values[i]).putLong(this.receivedSeconds[i]).putInt(this.receivedNanos[i]);
		}
		return out.array();
	}

	/** Reads the form {@link #encode} writes; {@code null} (no entry yet) is an empty day. */
	static DayCells decode(byte[] bytes) {
		return decode(bytes, UnaryOperator.identity());
	}

	/**
	 * Reads the form {@link #encode} writes, sized exactly (a day kept in memory rarely grows again).
	 * @param bytes the stored form, {@code null} for an empty day
	 * @param names maps each name read to the instance to keep, so days held in memory share them
	 */
	static DayCells decode(byte[] bytes, UnaryOperator<String> names) {
		if (bytes == null) {
			return new DayCells();
		}
		ByteBuffer in = ByteBuffer.wrap(bytes);
		int count = in.getShort();
		DayCells day = new DayCells(Math.max(count, 1));
		for (int i = 0; i < count; i++) {
			day.metrics[i] = names.apply(getName(in));
			day.channels[i] = names.apply(getName(in));
			day.values[i] = in.getDouble();
			day.receivedSeconds[i] = in.getLong();
			day.receivedNanos[i] = in.getInt();
		}
		day.size = count;
		return day;
	}

	private void set(int index, double value, Instant receivedAt) {
		this.values[index] = value;
		this.receivedSeconds[index] = receivedAt.getEpochSecond();
		this.receivedNanos[index] = receivedAt.getNano();
	}

	/** The cell's index, or {@code -(insertion point) - 1} when absent (as {@link Arrays#binarySearch}). */
	private int indexOf(String metric, String channel) {
		int low = 0;
		int high = this.size - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int byMetric = this.metrics[middle].compareTo(metric);
			int order = (byMetric != 0) ? byMetric : this.channels[middle].compareTo(channel);
			if (order < 0) {
				low = middle + 1;
			}
			else if (order > 0) {
				high = middle - 1;
			}
			else {
				return middle;
			}
		}
		return -(low + 1);
	}

	private void grow() {
		int capacity = this.metrics.length * 2;
		this.metrics = Arrays.copyOf(this.metrics, capacity);
		this.channels = Arrays.copyOf(this.channels, capacity);
		this.values = Arrays.copyOf(this.values, capacity);
		this.receivedSeconds = Arrays.copyOf(this.receivedSeconds, capacity);
		this.receivedNanos = Arrays.copyOf(this.receivedNanos, capacity);
	}

	private static void putName(ByteBuffer out, byte[] name) {
		out.putShort((short) name.length).put(name);
	}

	private static String getName(ByteBuffer in) {
		byte[] name = new byte[in.getShort()];
		in.get(name);
		return new String(name, StandardCharsets.UTF_8);
	}

}
