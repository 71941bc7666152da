package io.brandsignal.dashboard.readmodel.kafka;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import io.brandsignal.dashboard.readmodel.ScorecardStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model up to date from the scorecards and daily rollups that scoring publishes, and
 * announces inside this instance (for its caches, live updates and gauges) every record that the read
 * model now holds: also when another dashboard instance sharing the database stored it first, since
 * this instance's caches and browsers need the news as much. Older scorecards are not announced. A
 * tombstone reaches the checks as {@code null} and goes to the dead-letter topic like any unstorable
 * record.
 */
@Component
class ReadModelListener {

	private final ScorecardStore scorecards;

	private final RollupStore rollups;

	private final ApplicationEventPublisher events;

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

	@KafkaListener(id = "dashboard-rollups", idIsGroup = false,
			topics = "#{T(io.brandsignal.contract.topic.Topics).DAILY_ROLLUPS.name()}")
	void onRollup(@Payload(required = false) DailyRollup rollup) {
		RecordChecks.check(rollup);
		// a day's latest rollup replaces what was stored, so the read model now holds this one
		this.rollups.upsert(rollup);
		this.events.publishEvent(new RollupChanged(rollup.brand(), rollup.date()));
	}

}
