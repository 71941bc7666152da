package io.brandsignal.systemtests.reliability;

import java.time.Duration;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * One fault of the suite, injected while the load client posts (issue 13): what it does to the stack
 * before the load ({@link #prepare}) and at its height ({@link #inject}), holding the fault for as long
 * as the scenario says.
 */
enum Scenario {

	NONE("no fault (clean run)", "clean", (stack) -> {
	}),

	BROKER_CRASH("broker crash: kill -9, restarted on its data 10 s later", "broker-crash", (stack) -> {
		stack.broker().kill();
		hold(Duration.ofSeconds(10));
		stack.broker().start();
	}),

	BROKER_STALL("broker stall: SIGSTOP for 20 s, then SIGCONT", "broker-stall", (stack) -> {
		stack.broker().pause();
		hold(Duration.ofSeconds(20));
		stack.broker().resume();
	}),

	INGEST_CRASH("ingest crash: kill -9, restarted", "ingest-crash", (stack) -> {
		stack.ingest().kill();
		stack.ingest().restart();
	}),

	SCORING_CRASH("scoring crash: kill -9, restarted", "scoring-crash", (stack) -> {
		FaultStack.Service scoring = stack.scoring().get(0);
		scoring.kill();
		scoring.restart();
	}),

	SCORING_FAIL_OVER("scale-out fail-over: one of two scoring instances killed (-9), not restarted",
			"scoring-fail-over", (stack) -> stack.scoring().get(0).kill()) {

		@Override
		void prepare(FaultStack stack) {
			if (stack.scoring().size() < 2) {
				stack.addScoringInstance();
			}
			// a slow machine may time out a look at the group now and then: look again
			await("two scoring instances sharing the partitions").atMost(Duration.ofMinutes(2))
				.ignoreExceptions()
				.until(() -> stack.scoringInstancesWithPartitions() == 2);
		}

	},

	DASHBOARD_CRASH("dashboard crash: kill -9, restarted", "dashboard-crash", (stack) -> {
		stack.dashboard().kill();
		stack.dashboard().restart();
	}),

	DATABASE_OUTAGE("database outage: PostgreSQL stopped for 30 s, then started", "database-outage", (stack) -> {
		stack.stopPostgres();
		hold(Duration.ofSeconds(30));
		stack.startPostgres();
	}),

	POISON("poison: unreadable and invalid records on every consumed topic", "poison",
			(stack) -> PoisonRecords.write(stack.bootstrapServers(), PoisonRecords.of("poison")));

	private final String description;

	private final String prefix;

	private final Consumer<FaultStack> fault;

	Scenario(String description, String prefix, Consumer<FaultStack> fault) {
		this.description = description;
		this.prefix = prefix;
		this.fault = fault;
	}

	String description() {
		return this.description;
	}

	/** The prefix of the scenario's brands (and poison ids), unique per scenario. */
	String prefix() {
		return this.prefix;
	}

	/** Sets the stack up for the scenario, before the load starts. */
	void prepare(FaultStack stack) {
	}

	/** Injects the fault and ends it (restart, resume), as the scenario says. */
	void inject(FaultStack stack) {
		this.fault.accept(stack);
	}

	/**
	 * Keeps a fault in place for the time the scenario prescribes: the wait is the fault itself, not a
	 * wait for a condition.
	 */
	private static void hold(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
