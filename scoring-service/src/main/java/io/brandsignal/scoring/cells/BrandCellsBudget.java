package io.brandsignal.scoring.cells;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many brands' in-memory cell copies ({@link BrandCells}) the stream tasks of one service instance
 * hold together: one budget per instance, handed to every task's {@link CellStore}. Every task takes a
 * slot per brand it copies and gives it back when it drops the copy, so memory stays bounded however
 * many partitions the instance is assigned. Shared by tasks on different stream threads, hence atomic.
 */
public final class BrandCellsBudget {

	private final int limit;

	private final AtomicInteger used = new AtomicInteger();

	/** @param limit how many brands the instance's tasks may copy together */
	public BrandCellsBudget(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("The number of cached brands cannot be negative");
		}
		this.limit = limit;
	}

	/** Takes a slot if one is free. */
	boolean tryAcquire() {
		int current;
		do {
			current = this.used.get();
			if (current >= this.limit) {
				return false;
			}
		}
		while (!this.used.compareAndSet(current, current + 1));
		return true;
	}

	void release(int slots) {
		this.used.addAndGet(-slots);
	}

}
