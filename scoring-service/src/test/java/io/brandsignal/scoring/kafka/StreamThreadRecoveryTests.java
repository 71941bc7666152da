package io.brandsignal.scoring.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamThreadRecoveryTests {

	private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

	private final MutableClock clock = new MutableClock();

	private final StreamThreadRecovery recovery = new StreamThreadRecovery(3, Duration.ofMinutes(10), this.clock);

	@Test
	void replacesADeadThreadUpToTheLimitThenShutsTheInstanceDown() {
		RuntimeException failure = new IllegalStateException("broker away");
		assertThat(this.recovery.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.recovery.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.recovery.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		// a fourth death within ten minutes of the first: a crash loop, not a hiccup
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.recovery.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
	}

	@Test
	void forgetsDeathsOlderThanTheWindow() {
		RuntimeException failure = new IllegalStateException("fenced");
		for (int i = 0; i < 3; i++) {
			assertThat(this.recovery.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		}
		// the first three were at T0; eleven minutes later none of them counts
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.recovery.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
	}

	/** A clock the test moves. */
	private static final class MutableClock extends Clock {

		private Instant now = T0;

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
