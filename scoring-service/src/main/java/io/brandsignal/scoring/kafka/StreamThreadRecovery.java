package io.brandsignal.scoring.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies of an exception nothing else handled (a broker away longer
 * than {@code task.timeout.ms}, a fenced producer, a bug met by one record): the thread is replaced,
 * which under exactly-once v2 aborts its open transaction and restores its tasks from the changelogs, so
 * nothing is lost or applied twice. Without this, Kafka Streams shuts the whole client down and the
 * instance stops scoring until someone restarts it. A thread that keeps dying ({@code maxReplacements}
 * within {@code window}) is not replaced again: the client shuts down, its health turns DOWN, and the
 * orchestrator's restart and the operator's alert take over, instead of a silent crash loop.
 */
final class StreamThreadRecovery implements StreamsUncaughtExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(StreamThreadRecovery.class);

	private final int maxReplacements;

	private final Duration window;

	private final Clock clock;

	private final Deque<Instant> replacements = new ArrayDeque<>();

	StreamThreadRecovery(int maxReplacements, Duration window, Clock clock) {
		this.maxReplacements = maxReplacements;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
		Instant now = this.clock.instant();
		while (!this.replacements.isEmpty() && this.replacements.peekFirst().isBefore(now.minus(this.window))) {
			this.replacements.removeFirst();
		}
		if (this.replacements.size() >= this.maxReplacements) {
			logger.error("A stream thread died for the {}th time within {}; shutting this scoring instance down "
					+ "(health DOWN) rather than replacing it again", this.maxReplacements + 1, this.window, exception);
			return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		}
		this.replacements.addLast(now);
		logger.error("A stream thread died; replacing it (its tasks resume from their last commit)", exception);
		return StreamThreadExceptionResponse.REPLACE_THREAD;
	}

}
