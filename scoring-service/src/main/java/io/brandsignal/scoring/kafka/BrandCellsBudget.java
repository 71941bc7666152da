package io.brandsignal.scoring.kafka;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many brands' in-memory cell copies ({@link BrandCells}) the stream tasks of one service instance
 * hold together. Every task takes a slot per brand it copies and gives it back when it drops the copy,
 * so memory stays bounded however many partitions the instance is assigned. Shared by tasks on
 * different stream threads, hence atomic.
 */
final class BrandCellsBudget {

	private final int limit;

	private final AtomicInteger used = new AtomicInteger();

	BrandCellsBudget(int limit) {
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
