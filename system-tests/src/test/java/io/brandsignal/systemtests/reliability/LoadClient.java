package io.brandsignal.systemtests.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.brandsignal.systemtests.reliability.ObservationPlan.Batch;

/**
 * Posts a plan's batches to ingest-service the way a careful real client does: each lane (one thread of
 * a client system) posts its batches one after the other, paced, and re-sends a batch after a
 * {@code 503} or {@code 429} (waiting the {@code Retry-After} it was given), a timeout, a refused or a
 * broken connection, until it is acknowledged with {@code 202} or the batch has been tried for
 * {@link #GIVE_UP_AFTER}. Observations are upserts, so a re-sent batch never counts twice.
 * <p>
 * It records what the checks need: which batches were acknowledged, in lane order, and every answer
 * that breaks the contract (a 5xx other than a 503 with {@code Retry-After}, any other refusal).
 */
final class LoadClient implements AutoCloseable {

	static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration NETWORK_RETRY = Duration.ofSeconds(1);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

	private final URI observations;

	private final String apiKey;

	private final Duration pace;

	private final ObservationPlan plan;

	private final List<List<Boolean>> acknowledged = new ArrayList<>();

	private final AtomicInteger acknowledgedBatches = new AtomicInteger();

	private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final List<CompletableFuture<Void>> lanes = new ArrayList<>();

	/**
	 * @param ingest ingest-service's base URL
	 * @param apiKey the bearer key
	 * @param plan what to post
	 * @param batchesPerSecond how many batches all lanes together start per second
	 */
	LoadClient(URI ingest, String apiKey, ObservationPlan plan, double batchesPerSecond) {
		this.observations = ingest.resolve("/api/v1/observations");
		this.apiKey = apiKey;
		this.plan = plan;
		this.pace = Duration.ofMillis(Math.round(1000 * plan.lanes().size() / batchesPerSecond));
		for (List<Batch> lane : plan.lanes()) {
			List<Boolean> flags = new ArrayList<>();
			lane.forEach((batch) -> flags.add(false));
			this.acknowledged.add(flags);
		}
	}

	/** Starts every lane; {@link #finished()} completes when all are done. */
	LoadClient start() {
		for (int lane = 0; lane < this.plan.lanes().size(); lane++) {
			CompletableFuture<Void> done = new CompletableFuture<>();
			this.lanes.add(done);
			int index = lane;
			// lanes start spread over one pace, as independent clients would
			this.scheduler.schedule(() -> send(index, 0, Instant.now(), done),
					this.pace.toMillis() * lane / this.plan.lanes().size(), TimeUnit.MILLISECONDS);
		}
		return this;
	}

	CompletableFuture<Void> finished() {
		return CompletableFuture.allOf(this.lanes.toArray(CompletableFuture[]::new));
	}

	int totalBatches() {
		return this.plan.lanes().stream().mapToInt(List::size).sum();
	}

	int acknowledgedBatches() {
		return this.acknowledgedBatches.get();
	}

	/** The observations of acknowledged batches, in each lane's posting order. */
	List<ObservationPlan.Observation> acknowledgedObservations() {
		List<ObservationPlan.Observation> observations = new ArrayList<>();
		for (int lane = 0; lane < this.plan.lanes().size(); lane++) {
			List<Batch> batches = this.plan.lanes().get(lane);
			for (int i = 0; i < batches.size(); i++) {
				if (this.acknowledged.get(lane).get(i)) {
					observations.addAll(batches.get(i).observations());
				}
			}
		}
		return observations;
	}

	/** Answers by kind ({@code 202}, {@code 503}, {@code timeout}, {@code refused}, ...) and their counts. */
	Map<String, Long> answers() {
		Map<String, Long> counts = new TreeMap<>();
		this.answers.forEach((kind, count) -> counts.put(kind, count.sum()));
		return counts;
	}

	/** Answers that break the ingest contract. */
	List<String> violations() {
		return List.copyOf(this.violations);
	}

	private void send(int lane, int index, Instant firstTry, CompletableFuture<Void> done) {
		List<Batch> batches = this.plan.lanes().get(lane);
		if (index == batches.size()) {
			done.complete(null);
			return;
		}
		Batch batch = batches.get(index);
		HttpRequest request = HttpRequest.newBuilder(this.observations)
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", batch.contentType())
			.POST(HttpRequest.BodyPublishers.ofString(batch.body()))
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			Optional<Duration> retry = (failure != null) ? networkRetry(failure) : answerRetry(response);
			if (retry.isEmpty()) {
				if (response != null && response.statusCode() == 202) {
					this.acknowledged.get(lane).set(index, true);
					this.acknowledgedBatches.incrementAndGet();
				}
				schedule(() -> send(lane, index + 1, Instant.now(), done), this.pace, done);
			}
			else if (Duration.between(firstTry, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
				this.violations.add("lane " + lane + " gave up on batch " + index + " after " + GIVE_UP_AFTER);
				schedule(() -> send(lane, index + 1, Instant.now(), done), this.pace, done);
			}
			else {
				schedule(() -> send(lane, index, firstTry, done), retry.get(), done);
			}
		});
	}

	private void schedule(Runnable next, Duration delay, CompletableFuture<Void> done) {
		try {
			this.scheduler.schedule(next, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			done.completeExceptionally(ex);
		}
	}

	/** Empty when the answer is final (acknowledged or refused for good), else when to try again. */
	private Optional<Duration> answerRetry(HttpResponse<String> response) {
		int status = response.statusCode();
		count(String.valueOf(status));
		Optional<String> retryAfter = response.headers().firstValue("Retry-After");
		if (status == 202) {
			return Optional.empty();
		}
		if (status == 503 || status == 429) {
			if (retryAfter.isEmpty() || !retryAfter.get().matches("\\d+")) {
				this.violations.add(status + " without a Retry-After in seconds: " + response.body());
				return Optional.of(NETWORK_RETRY);
			}
			return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.get()))));
		}
		this.violations.add("answer " + status + ": " + response.body());
		// a 5xx may be passing; a 4xx would be refused again, so the batch is given up
		return (status >= 500) ? Optional.of(NETWORK_RETRY) : Optional.empty();
	}

	private Optional<Duration> networkRetry(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		if (cause instanceof HttpTimeoutException) {
			count("timeout");
		}
		else if (cause instanceof ConnectException) {
			count("refused");
		}
		else if (cause instanceof IOException) {
			count("connection lost");
		}
		else {
			this.violations.add("client failure: " + cause);
			count("client failure");
		}
		return Optional.of(NETWORK_RETRY);
	}

	private void count(String kind) {
		this.answers.computeIfAbsent(kind, (name) -> new LongAdder()).increment();
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
