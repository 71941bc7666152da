package io.brandsignal.dashboard.readmodel.kafka;

import java.util.ArrayList;
import java.util.List;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import io.brandsignal.dashboard.readmodel.ScorecardStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model up to date from the scorecards and daily rollups that scoring publishes, and
 * announces inside this instance (for its caches, live updates and gauges) every record that the read
 * model now holds: also when another dashboard instance sharing the database stored it first, since
 * this instance's caches and browsers need the news as much. Older scorecards are not announced. A
 * tombstone reaches the checks as {@code null} and goes to the dead-letter topic like any unstorable
 * record.
 * <p>
 * Rollups come in whole polls and are stored a poll at a time, in one transaction: one commit (one WAL
 * flush) per poll rather than per rollup is what lets the read model keep up with scoring. A record at
 * fault in a poll is reported by its index ({@link BatchListenerFailedException}) once the records before
 * it are stored, so the error handler dead-letters that one alone and delivers the rest again.
 */
@Component
class ReadModelListener {

	private final ScorecardStore scorecards;

	private final RollupStore rollups;

	private final ApplicationEventPublisher events;

	private final Deserializer<DailyRollup> rollupReader = Topics.DAILY_ROLLUPS.valueSerde().deserializer();

	ReadModelListener(ScorecardStore scorecards, RollupStore rollups, ApplicationEventPublisher events) {
		this.scorecards = scorecards;
		this.rollups = rollups;
		this.events = events;
	}

	@KafkaListener(id = "dashboard-scorecards", idIsGroup = false,
			topics = "#{T(io.brandsignal.contract.topic.Topics).SCORECARDS.name()}")
	void onScorecard(@Payload(required = false) BrandScored scorecard) {
		RecordChecks.check(scorecard);
		if (this.scorecards.upsert(scorecard) || this.scorecards.holds(scorecard)) {
			this.events.publishEvent(new ScorecardChanged(scorecard));
		}
	}

	@KafkaListener(id = "dashboard-rollups", idIsGroup = false, batch = "true",
			topics = "#{T(io.brandsignal.contract.topic.Topics).DAILY_ROLLUPS.name()}")
	void onRollups(List<ConsumerRecord<String, byte[]>> records) {
		List<DailyRollup> valid = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			DailyRollup rollup;
			try {
				rollup = read(record);
				RecordChecks.check(rollup);
			}
			catch (RuntimeException ex) {
				// every record before this one is valid: store them, then have this one retried or dead-lettered
				// as the error handler classifies the failure (at once when it is an InvalidRecordException)
				store(valid);
				throw new BatchListenerFailedException(ex.getMessage(), ex, valid.size());
			}
			valid.add(rollup);
		}
		store(valid);
	}

	private DailyRollup read(ConsumerRecord<String, byte[]> record) {
		try {
			return this.rollupReader.deserialize(record.topic(), record.value());
		}
		catch (RuntimeException ex) {
			// bytes that are no rollup stay so however often they are read
			throw new InvalidRecordException("Rollup cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Stores the rollups of a poll that passed the checks, which are all the poll's records from its first
	 * on, and announces them. A failure names the index of the first rollup not stored, so that the error
	 * handler retries from there: while the database is away it waits for it, however long that takes.
	 */
	private void store(List<DailyRollup> valid) {
		if (valid.isEmpty()) {
			return;
		}
		try {
			this.rollups.upsertAll(valid);
		}
		catch (RuntimeException ex) {
			if (ReadModelKafkaConfiguration.isDatabaseUnavailable(ex)) {
				throw new BatchListenerFailedException(ex.getMessage(), ex, 0);
			}
			// which rollup failed the transaction is unknown: store one by one to find it at its index
			storeEach(valid);
			return;
		}
		// a day's latest rollup replaces what was stored, so the read model now holds these
		valid.forEach(this::announce);
	}

	private void storeEach(List<DailyRollup> valid) {
		for (int i = 0; i < valid.size(); i++) {
			try {
				this.rollups.upsert(valid.get(i));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException(ex.getMessage(), ex, i);
			}
			announce(valid.get(i));
		}
	}

	private void announce(DailyRollup rollup) {
		this.events.publishEvent(new RollupChanged(rollup.brand(), rollup.date()));
	}

}
