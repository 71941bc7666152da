package io.brandsignal.ingest.observation.kafka;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.observation.IngestMetrics;
import io.brandsignal.ingest.observation.PublishFailedException;
import io.brandsignal.testsupport.TestInfrastructure;
import io.brandsignal.testsupport.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit on a real broker: batches of concurrent requests share one transaction, yet each is
 * answered only after that transaction committed and is seen whole by {@code read_committed} readers; a
 * failed transaction fails every request in it and publishes none of them; a full queue refuses at once;
 * a request never waits past its timeout. A gate in front of the commit holds the committer, so which
 * batches share a transaction is decided by the test, not by timing.
 */
class GroupCommitIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ExecutorService requests = Executors.newCachedThreadPool();

	private final List<KafkaObservationPublisher> publishers = new ArrayList<>();

	@AfterEach
	void stop() throws InterruptedException {
		for (KafkaObservationPublisher publisher : this.publishers) {
			publisher.destroy();
		}
		this.requests.shutdownNow();
	}

	@Test
	void commitsBatchesOfConcurrentRequestsInOneTransactionEachWholeForReadCommittedReaders() {
		CommitGate gate = new CommitGate();
		KafkaObservationPublisher publisher = warmPublisher(Duration.ofSeconds(30), 16, 100, gate);
		CompletableFuture<Void> first = publishAndHold(publisher, gate, batch("gc-group", 0, 3));
		List<CompletableFuture<Void>> grouped = new ArrayList<>();
		for (int b = 1; b <= 5; b++) {
			grouped.add(publishAsync(publisher, batch("gc-group", b, 3)));
		}
		awaitQueued(5);
		assertThat(first).isNotDone();
		gate.release();

		first.join();
		grouped.forEach(CompletableFuture::join);
		// One transaction for the batch that arrived alone, one for the five that waited behind it.
		assertThat(gate.transactionSizes()).containsExactly(1, 5);
		assertThat(this.registry.get("brandsignal.ingest.transaction.batches").summary().max()).isEqualTo(5.0);
		// One brand is one partition: every batch appears whole, its three records together and in order.
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(
				TestInfrastructure.kafka().bootstrapServers(), "gc-group", (found) -> found.size() >= 18);
		assertThat(onTopic).hasSize(18);
		List<List<Double>> batches = new ArrayList<>();
		for (int i = 0; i < 18; i += 3) {
			batches.add(onTopic.subList(i, i + 3).stream().map(ObservationRecorded::value).toList());
		}
		assertThat(batches).containsExactlyInAnyOrder(List.of(0.0, 1.0, 2.0), List.of(100.0, 101.0, 102.0),
				List.of(200.0, 201.0, 202.0), List.of(300.0, 301.0, 302.0), List.of(400.0, 401.0, 402.0),
				List.of(500.0, 501.0, 502.0));
		assertThat(batches.get(0)).containsExactly(0.0, 1.0, 2.0);
	}

	@Test
	void neverSplitsABatchAcrossTransactionsAndKeepsTransactionsWithinTheRecordBound() {
		CommitGate gate = new CommitGate();
		KafkaObservationPublisher publisher = warmPublisher(Duration.ofSeconds(30), 16, 4, gate);
		CompletableFuture<Void> first = publishAndHold(publisher, gate, batch("gc-bound", 0, 1));
		List<CompletableFuture<Void>> waiting = new ArrayList<>();
		waiting.add(publishAsync(publisher, batch("gc-bound", 1, 3)));
		awaitQueued(1);
		waiting.add(publishAsync(publisher, batch("gc-bound", 2, 3)));
		awaitQueued(2);
		waiting.add(publishAsync(publisher, batch("gc-bound", 3, 6)));
		awaitQueued(3);
		gate.release();

		first.join();
		waiting.forEach(CompletableFuture::join);
		// At most 4 records a transaction: 3 + 3 do not fit together, and the batch of 6 goes alone, whole.
		assertThat(gate.transactionSizes()).containsExactly(1, 1, 1, 1);
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(
				TestInfrastructure.kafka().bootstrapServers(), "gc-bound", (found) -> found.size() >= 13);
		assertThat(onTopic).extracting(ObservationRecorded::value)
			.containsExactly(0.0, 100.0, 101.0, 102.0, 200.0, 201.0, 202.0, 300.0, 301.0, 302.0, 303.0, 304.0, 305.0);
	}

	@Test
	void failsEveryRequestOfATransactionWhoseBrokerFailsAndPublishesNoneOfThem() throws InterruptedException {
		TestKafka broker = TestInfrastructure.dedicatedKafka();
		CommitGate gate = new CommitGate();
		gate.release();
		KafkaObservationPublisher publisher = publisher(broker, Duration.ofSeconds(5), 16, 100, (batches) -> {
			gate.accept(batches);
			if (batches == 4) {
				// The batches are sent, the transaction is open: now the broker goes away before the commit.
				broker.stop();
			}
		});
		try {
			await().atMost(Duration.ofSeconds(120)).until(() -> tryPublish(publisher, batch("gc-fail", 0, 1)));
			gate.holdNext();
			CompletableFuture<Void> held = publishAndHold(publisher, gate, batch("gc-fail-other", 0, 1));
			List<CompletableFuture<Void>> grouped = new ArrayList<>();
			for (int b = 1; b <= 4; b++) {
				grouped.add(publishAsync(publisher, batch("gc-fail", b, 2)));
			}
			awaitQueued(4);
			long failedBefore = failedTransactions();
			gate.release();
			held.join();

			for (CompletableFuture<Void> request : grouped) {
				assertThatThrownBy(request::join).hasCauseInstanceOf(PublishFailedException.class);
			}
			assertThat(gate.transactionSizes()).endsWith(1, 4);
			// A request's deadline starts before its transaction's commit does, so the requests can fail while
			// the committer still waits in commitTransaction(): a broker back by then would take the commit
			// (a 503 on a timeout says the outcome is unknown, and a retry is safe). This test is about a
			// transaction the broker never committed, so the broker stays away until the committer gave up.
			await().atMost(Duration.ofSeconds(60)).until(() -> failedTransactions() > failedBefore);
		}
		finally {
			broker.start();
		}
		// The replacement producer reuses the transactional id, which aborts what the failed one left open.
		await().atMost(Duration.ofSeconds(60)).until(() -> tryPublish(publisher, batch("gc-fail", 9, 1)));
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(broker.bootstrapServers(), "gc-fail",
				(found) -> found.stream().anyMatch((observation) -> observation.value() == 900.0));
		assertThat(onTopic).extracting(ObservationRecorded::value).startsWith(0.0).endsWith(900.0)
			.doesNotContain(100.0, 101.0, 200.0, 201.0, 300.0, 301.0, 400.0, 401.0);
		publisher.destroy();
		broker.stop();
	}

	@Test
	void refusesAtOnceWhenTheQueueIsFull() {
		CommitGate gate = new CommitGate();
		KafkaObservationPublisher publisher = warmPublisher(Duration.ofSeconds(30), 2, 100, gate);
		CompletableFuture<Void> first = publishAndHold(publisher, gate, batch("gc-full", 0, 1));
		List<CompletableFuture<Void>> queued = new ArrayList<>();
		queued.add(publishAsync(publisher, batch("gc-full", 1, 1)));
		awaitQueued(1);
		queued.add(publishAsync(publisher, batch("gc-full", 2, 1)));
		awaitQueued(2);

		// Refused while the committer is still held, so the refusal did not wait for Kafka.
		assertThatThrownBy(() -> publisher.publish(batch("gc-full", 3, 1))).isInstanceOf(PublishFailedException.class)
			.hasMessageContaining("Too many batches are waiting");
		assertThat(first).isNotDone();
		gate.release();
		first.join();
		queued.forEach(CompletableFuture::join);
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(
				TestInfrastructure.kafka().bootstrapServers(), "gc-full", (found) -> found.size() >= 3);
		assertThat(onTopic).extracting(ObservationRecorded::value).containsExactly(0.0, 100.0, 200.0);
	}

	@Test
	void givesUpAtTheTimeoutWhileTheTransactionIsHeldAndThenAbortsIt() {
		CommitGate gate = new CommitGate();
		KafkaObservationPublisher publisher = warmPublisher(Duration.ofSeconds(2), 16, 100, gate);
		CompletableFuture<Void> abandoned = publishAndHold(publisher, gate, batch("gc-timeout", 0, 2));

		// The request is answered while its transaction is still held open: its wait is bounded by the timeout.
		await().atMost(Duration.ofSeconds(60)).until(abandoned::isDone);
		assertThatThrownBy(abandoned::join).hasCauseInstanceOf(PublishFailedException.class)
			.hasMessageContaining("did not acknowledge the batch within 2000 ms");
		gate.release();

		await().atMost(Duration.ofSeconds(60)).until(() -> tryPublish(publisher, batch("gc-timeout", 1, 1)));
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(
				TestInfrastructure.kafka().bootstrapServers(), "gc-timeout",
				(found) -> found.stream().anyMatch((observation) -> observation.value() == 100.0));
		assertThat(onTopic).extracting(ObservationRecorded::value).containsExactly(100.0);
	}

	/**
	 * A publisher whose first transaction has committed, so what a test holds is its own transaction, not the
	 * connection or, on a new cluster, the creation of the transaction-state topic; the gate is closed again.
	 */
	private KafkaObservationPublisher warmPublisher(Duration timeout, int queueCapacity, int maxRecordsPerTransaction,
			CommitGate gate) {
		gate.release();
		KafkaObservationPublisher publisher = publisher(TestInfrastructure.kafka(), timeout, queueCapacity,
				maxRecordsPerTransaction, gate);
		await().atMost(Duration.ofSeconds(120)).until(() -> tryPublish(publisher, batch("gc-warm", 0, 1)));
		gate.holdNext();
		return publisher;
	}

	private long failedTransactions() {
		return this.registry.get("brandsignal.ingest.transaction").tag("outcome", "failed").timer().count();
	}

	private KafkaObservationPublisher publisher(TestKafka broker, Duration timeout, int queueCapacity,
			int maxRecordsPerTransaction, IntConsumer beforeCommit) {
		provisionTopic(broker);
		PublisherProperties properties = new PublisherProperties(timeout, Duration.ofSeconds(5), 1, queueCapacity,
				maxRecordsPerTransaction, DataSize.ofMegabytes(4), "gc-test", "");
		KafkaObservationPublisher publisher = new KafkaObservationPublisher(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), properties, this.registry,
				new IngestMetrics(this.registry), beforeCommit);
		this.publishers.add(publisher);
		return publisher;
	}

	/** What the application's topic provisioning does, which a publisher on its own does not. */
	private static void provisionTopic(TestKafka broker) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			admin.createTopics(List.of(Topics.OBSERVATIONS.toNewTopic(3, 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException(ex.getCause());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Publishes a batch and waits until its transaction is held at the gate, before the commit. */
	private CompletableFuture<Void> publishAndHold(KafkaObservationPublisher publisher, CommitGate gate,
			List<ObservationRecorded> batch) {
		CompletableFuture<Void> request = publishAsync(publisher, batch);
		gate.awaitHeld();
		return request;
	}

	private CompletableFuture<Void> publishAsync(KafkaObservationPublisher publisher, List<ObservationRecorded> batch) {
		return CompletableFuture.runAsync(() -> publisher.publish(batch), this.requests);
	}

	private static boolean tryPublish(KafkaObservationPublisher publisher, List<ObservationRecorded> batch) {
		try {
			publisher.publish(batch);
			return true;
		}
		catch (PublishFailedException ex) {
			return false;
		}
	}

	private void awaitQueued(int batches) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.registry.get("brandsignal.ingest.publish.queued").gauge().value() == batches);
	}

	/** Batch number {@code b} of a brand: values {@code 100 b}, {@code 100 b + 1}, ... */
	private static List<ObservationRecorded> batch(String brand, int b, int size) {
		List<ObservationRecorded> batch = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			batch.add(new ObservationRecorded(brand, "followers", "instagram", DAY, 100 * b + i,
					Instant.parse("2026-11-02T10:00:00Z").plusNanos(i), "test"));
		}
		return batch;
	}

	/**
	 * Stands in front of each commit: records how many batches the transaction holds and, while closed,
	 * holds the committer there until {@link #release()}. Starts closed.
	 */
	private static final class CommitGate implements IntConsumer {

		private final List<Integer> sizes = new CopyOnWriteArrayList<>();

		private volatile CountDownLatch held = new CountDownLatch(1);

		private volatile CountDownLatch open = new CountDownLatch(1);

		@Override
		public void accept(int batches) {
			this.sizes.add(batches);
			this.held.countDown();
			try {
				this.open.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void awaitHeld() {
			await().atMost(Duration.ofSeconds(60)).until(() -> this.held.getCount() == 0);
		}

		void release() {
			this.open.countDown();
		}

		/** Closes the gate again and forgets the transactions seen so far. */
		void holdNext() {
			this.sizes.clear();
			this.held = new CountDownLatch(1);
			this.open = new CountDownLatch(1);
		}

		List<Integer> transactionSizes() {
			return this.sizes;
		}

	}

}
