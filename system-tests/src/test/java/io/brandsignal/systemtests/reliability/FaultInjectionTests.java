package io.brandsignal.systemtests.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.brandsignal.systemtests.reliability.Expectations.Comparison;
import io.brandsignal.systemtests.reliability.PoisonRecords.DeadLetter;
import io.brandsignal.systemtests.reliability.PoisonRecords.Poison;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault-injection suite of issue 13: the real stack ({@link FaultStack}), a load client posting a
 * known set of observations ({@link ObservationPlan}, {@link LoadClient}), one fault per scenario at the
 * height of the load ({@link Scenario}), then the checks, with the expectations worked out from what the
 * client sent and had acknowledged ({@link Expectations}):
 * <ul>
 * <li>every acknowledged observation is in the read model with its last acknowledged value, and no FLOW
 * total counts anything twice (the dashboard's series API, cell by cell);</li>
 * <li>every brand's final scorecard equals the one a clean, fault-free run over the same input produced
 * (after the scale-out fail-over: the survivor's equal a single instance's);</li>
 * <li>every poison record is in the right dead-letter topic with its reason, and processing went on;</li>
 * <li>no 5xx other than a {@code 503} with {@code Retry-After}.</li>
 * </ul>
 * {@code mvn verify} runs the broker crash, the scoring fail-over and the poison scenarios; the whole
 * matrix runs with {@code -Dreliability.scenarios=all} (docs/operations.md, "Reliability: fault
 * injection"). The table of results is printed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTests {

	private static final String ALL = "all";

	private static final String SCENARIOS = "reliability.scenarios";

	/** Keeps the stack's data and logs (printed at the start) for a look after the run. */
	private static final String KEEP_DATA = "reliability.keep-data";

	/** Batches all lanes together start per second: the load lasts about 30 s. */
	private static final double BATCHES_PER_SECOND = 10;

	private static final int LANES = 4;

	private static final double FAULT_AT_SHARE_ACKNOWLEDGED = 0.3;

	private static final LocalDate LAST_DAY = ObservationPlan.FIRST_DAY.plusDays(ObservationPlan.DAYS - 1);

	private static final List<String> table = new ArrayList<>();

	private static Path data;

	private static FaultStack stack;

	private static Map<Integer, JsonNode> cleanScorecards;

	@BeforeAll
	static void startStack() throws IOException {
		data = Files.createTempDirectory("brandsignal-reliability");
		System.out.println("[reliability] data and logs in " + data);
		stack = FaultStack.start(data);
	}

	@AfterAll
	static void stopStack() {
		System.out.println("\nReliability: fault injection (" + ObservationPlan.BRANDS + " brands x "
				+ ObservationPlan.METRICS.size() + " metrics x " + ObservationPlan.DAYS + " days, " + LANES
				+ " client threads)\n");
		System.out.println("| scenario | observations acknowledged | cells acknowledged | present | lost | duplicated "
				+ "| fault held, restart included | time to recover |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		table.forEach(System.out::println);
		System.out.println();
		if (stack != null) {
			stack.close();
		}
		if (data != null && !Boolean.getBoolean(KEEP_DATA)) {
			FileSystemUtils.deleteRecursively(data.toFile());
		}
	}

	@Test
	@Order(1)
	void brokerCrashLosesNoAcknowledgedObservation() {
		assertRecovered(run(Scenario.BROKER_CRASH));
	}

	@Test
	@Order(2)
	void survivingScoringInstanceTakesOverAllPartitionsWithTheSameScorecards() {
		assertRecovered(run(Scenario.SCORING_FAIL_OVER));
	}

	@Test
	@Order(3)
	void poisonRecordsAreDeadLetteredWithTheirReasonWhileProcessingGoesOn() {
		Outcome outcome = run(Scenario.POISON);
		assertRecovered(outcome);
		List<Poison> poison = PoisonRecords.of(Scenario.POISON.prefix());
		AtomicReference<Map<String, DeadLetter>> found = new AtomicReference<>(Map.of());
		awaitOrNot(Duration.ofSeconds(60), () -> {
			found.set(PoisonRecords.deadLetters(stack.bootstrapServers()));
			return poison.stream().allMatch((record) -> found.get().containsKey(record.id()));
		});
		for (Poison record : poison) {
			DeadLetter letter = found.get().get(record.id());
			assertThat(letter).as("dead letter of %s", record.id()).isNotNull();
			assertThat(letter.topic()).as("dead-letter topic of %s", record.id()).isEqualTo(record.deadLetterTopic());
			assertThat(letter.reason()).as("reason of %s", record.id()).isNotBlank().contains(record.reason());
		}
	}

	@Test
	@Order(4)
	@EnabledIfSystemProperty(named = SCENARIOS, matches = ALL)
	void brokerStallLosesNoAcknowledgedObservation() {
		assertRecovered(run(Scenario.BROKER_STALL));
	}

	@Test
	@Order(5)
	@EnabledIfSystemProperty(named = SCENARIOS, matches = ALL)
	void ingestCrashLosesNoAcknowledgedObservation() {
		assertRecovered(run(Scenario.INGEST_CRASH));
	}

	@Test
	@Order(6)
	@EnabledIfSystemProperty(named = SCENARIOS, matches = ALL)
	void scoringCrashLosesNoAcknowledgedObservation() {
		assertRecovered(run(Scenario.SCORING_CRASH));
	}

	@Test
	@Order(7)
	@EnabledIfSystemProperty(named = SCENARIOS, matches = ALL)
	void dashboardCrashLosesNoAcknowledgedObservation() {
		assertRecovered(run(Scenario.DASHBOARD_CRASH));
	}

	@Test
	@Order(8)
	@EnabledIfSystemProperty(named = SCENARIOS, matches = ALL)
	void databaseOutageLosesNoAcknowledgedObservation() {
		assertRecovered(run(Scenario.DATABASE_OUTAGE));
	}

	/**
	 * What a scenario ended with.
	 * @param scenario the scenario
	 * @param batches batches the plan posts
	 * @param acknowledgedBatches of which acknowledged
	 * @param comparison the read model against the expectations
	 * @param scorecardDifferences brands whose final scorecard differs from the clean run's
	 * @param violations answers that broke the HTTP contract
	 */
	private record Outcome(Scenario scenario, int batches, int acknowledgedBatches, Comparison comparison,
			List<String> scorecardDifferences, List<String> violations) {
	}

	private static void assertRecovered(Outcome outcome) {
		assertThat(outcome.violations()).as("answers breaking the contract").isEmpty();
		assertThat(outcome.acknowledgedBatches()).as("batches acknowledged").isEqualTo(outcome.batches());
		assertThat(outcome.comparison().lost()).as("lost cells, first: %s", outcome.comparison().firstDifference())
			.isZero();
		assertThat(outcome.comparison().duplicated()).as("duplicated cells").isZero();
		assertThat(outcome.comparison().present()).isEqualTo(outcome.comparison().cells());
		assertThat(outcome.scorecardDifferences()).as("scorecards unlike the clean run's").isEmpty();
	}

	private static Outcome run(Scenario scenario) {
		if (cleanScorecards == null) {
			Outcome clean = execute(Scenario.NONE);
			assertThat(clean.violations()).as("clean run: answers breaking the contract").isEmpty();
			assertThat(clean.comparison().complete()).as("clean run complete: %s", clean.comparison()).isTrue();
			cleanScorecards = stableScorecards(Scenario.NONE.prefix());
		}
		return execute(scenario);
	}

	private static Outcome execute(Scenario scenario) {
		ObservationPlan plan = ObservationPlan.of(scenario.prefix(), LANES);
		scenario.prepare(stack);
		ReadModel readModel = new ReadModel(stack.dashboard().url(), stack.credentials().readKey());
		RecoveryProbe probe = new RecoveryProbe(stack.ingest().url(), stack.credentials().apiKey(), readModel,
				scenario.prefix() + "-probe", stack.observationPartitions());
		Expectations expected;
		Duration recovery;
		Duration faultLasted;
		int acknowledgedBatches;
		List<String> violations = new ArrayList<>();
		try (LoadClient load = new LoadClient(stack.ingest().url(), stack.credentials().apiKey(), plan,
				BATCHES_PER_SECOND)) {
			load.start();
			await("load under way").atMost(Duration.ofMinutes(2))
				.until(() -> load.acknowledgedBatches() >= FAULT_AT_SHARE_ACKNOWLEDGED * load.totalBatches());
			Instant faultStart = Instant.now();
			// the probe runs through the fault, so the dashboard's answers while it lasts are checked too
			CompletableFuture<Duration> recovered = CompletableFuture
				.supplyAsync(() -> probe.awaitRecovery(faultStart, Duration.ofMinutes(4)));
			scenario.inject(stack);
			faultLasted = Duration.between(faultStart, Instant.now());
			System.out.println("[reliability] " + scenario + ": fault from " + faultStart + " for " + faultLasted);
			recovery = recovered.join();
			await("load finished").atMost(LoadClient.GIVE_UP_AFTER.plusMinutes(2)).until(load.finished()::isDone);
			expected = new Expectations(load.acknowledgedObservations());
			acknowledgedBatches = load.acknowledgedBatches();
			violations.addAll(load.violations());
			System.out.println("[reliability] " + scenario + ": answers " + load.answers());
		}
		AtomicReference<Comparison> comparison = new AtomicReference<>();
		awaitOrNot(Duration.ofMinutes(3), () -> {
			comparison.set(expected.compare(series(readModel, plan)));
			return comparison.get().complete();
		});
		List<String> scorecardDifferences = new ArrayList<>();
		if (scenario != Scenario.NONE) {
			awaitOrNot(Duration.ofMinutes(2), () -> {
				scorecardDifferences.clear();
				scorecardDifferences.addAll(scorecardDifferences(readModel, scenario.prefix()));
				return scorecardDifferences.isEmpty();
			});
		}
		violations.addAll(readModel.violations());
		Comparison result = comparison.get();
		table.add(String.format("| %s | %d | %d | %d | %d | %d | %.1f s | %.1f s |", scenario.description(),
				expected.acknowledgedObservations(), result.cells(), result.present(), result.lost(),
				result.duplicated(), faultLasted.toMillis() / 1000.0, recovery.toMillis() / 1000.0));
		System.out.println("[reliability] " + table.get(table.size() - 1));
		return new Outcome(scenario, plan.lanes().stream().mapToInt(List::size).sum(), acknowledgedBatches, result,
				scorecardDifferences, violations);
	}

	private static Map<String, Map<String, Map<LocalDate, Double>>> series(ReadModel readModel, ObservationPlan plan) {
		Map<String, Map<String, Map<LocalDate, Double>>> series = new HashMap<>();
		for (int i = 0; i < ObservationPlan.BRANDS; i++) {
			String brand = plan.brand(i);
			readModel.series(brand, ObservationPlan.FIRST_DAY, LAST_DAY).ifPresent((s) -> series.put(brand, s));
		}
		return series;
	}

	private static List<String> scorecardDifferences(ReadModel readModel, String prefix) {
		List<String> differences = new ArrayList<>();
		for (int i = 0; i < ObservationPlan.BRANDS; i++) {
			String brand = ObservationPlan.brand(prefix, i);
			Optional<JsonNode> card = readModel.comparableScorecard(brand);
			if (card.isEmpty() || !card.get().equals(cleanScorecards.get(i))) {
				differences.add(brand + ": " + card.map(JsonNode::toString).orElse("no scorecard") + " but clean: "
						+ cleanScorecards.get(i));
			}
		}
		return differences;
	}

	/**
	 * The clean run's scorecards once they no longer change: the read model is complete by now, so only
	 * the last recompute's scorecards may still be on their way.
	 */
	private static Map<Integer, JsonNode> stableScorecards(String prefix) {
		ReadModel readModel = new ReadModel(stack.dashboard().url(), stack.credentials().readKey());
		AtomicReference<Map<Integer, JsonNode>> last = new AtomicReference<>(Map.of());
		await("clean run's scorecards settled").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				Map<Integer, JsonNode> now = new HashMap<>();
				for (int i = 0; i < ObservationPlan.BRANDS; i++) {
					int index = i;
					readModel.comparableScorecard(ObservationPlan.brand(prefix, i))
						.filter((card) -> LAST_DAY.toString().equals(card.path("asOf").asString()))
						.ifPresent((card) -> now.put(index, card));
				}
				boolean settled = now.size() == ObservationPlan.BRANDS && now.equals(last.get());
				last.set(now);
				return settled;
			});
		return last.get();
	}

	/** Waits for the condition, and goes on either way: the checks after it say what was not reached. */
	private static void awaitOrNot(Duration atMost, BooleanSupplier condition) {
		try {
			await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(condition::getAsBoolean);
		}
		catch (ConditionTimeoutException ex) {
			// reported by the assertions on what the condition saw last
		}
	}

}
