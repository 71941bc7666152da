package io.brandsignal.ingest.observation.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.observation.IngestMetrics;
import io.brandsignal.ingest.observation.ObservationPublisher;
import io.brandsignal.ingest.observation.PublishFailedException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Publishes each batch to {@code Topics.OBSERVATIONS} atomically (transactional, idempotent producer,
 * {@code acks=all}), keyed by brand, and returns only once the transaction holding it committed.
 * <p>
 * Batches are group-committed: the request thread serializes its batch and puts it on a bounded queue;
 * one committer thread per transactional producer takes every batch waiting (up to
 * {@link PublisherProperties#maxRecordsPerTransaction()} and {@link PublisherProperties#maxBytesPerTransaction()},
 * never splitting a batch), sends them all in one transaction, commits it, and only then completes each
 * request. Many concurrent requests so share one transaction's round trips, which is what lets ingest
 * approach a plain idempotent producer's throughput. A batch is still all or nothing for
 * {@code read_committed} readers, because it lies wholly in one transaction.
 * <p>
 * The request thread waits at most {@link PublisherProperties#timeout()}: a down or slow broker turns into
 * a {@link PublishFailedException} within that bound, and when the queue is full the request is refused at
 * once. When a transaction fails, every request in it gets a {@link PublishFailedException} and the
 * producer is closed and replaced; its successor reuses the transactional id, which aborts anything the
 * failed one left open. A batch whose request gave up is left out of the transaction if it has not been
 * sent yet, and if it has, the transaction is aborted and the remaining batches are sent again in a new
 * one. Only a commit that lands just as the request gives up can publish a batch answered {@code 503};
 * re-sending it is safe because observations are upserts.
 * <p>
 * Ordering: within one transaction, batches reach a brand's partition in queue order; across the
 * committers' concurrent transactions, two concurrent requests' batches for the same brand can land in
 * either order, as they always could. A client's sequential requests keep their order, since the next
 * starts only after the previous one was answered {@code 202}.
 */
@Component
public class KafkaObservationPublisher implements ObservationPublisher, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(KafkaObservationPublisher.class);

	private static final int DEFAULT_LINGER_MS = 5;

	private static final int DEFAULT_BATCH_SIZE = 64 * 1024;

	private static final int DEFAULT_RETRY_BACKOFF_MS = 5;

	private static final String DEFAULT_COMPRESSION = "lz4";

	// How often an idle committer looks whether it should stop.
	private static final long IDLE_POLL_MS = 100;

	// A commit can succeed on the broker just as the wait for it gives up, so a 503 promises no more than this.
	private static final String RETRY_ADVICE = "send it again later (observations are upserts of daily cells, "
			+ "so a retry never double counts)";

	private final PublisherProperties properties;

	private final Map<String, Object> producerConfig;

	private final MeterRegistry meterRegistry;

	private final IngestMetrics metrics;

	private final IntConsumer beforeCommit;

	private final Serializer<String> keySerializer = Topics.OBSERVATIONS.keySerde().serializer();

	private final Serializer<ObservationRecorded> valueSerializer = Topics.OBSERVATIONS.valueSerde().serializer();

	private final BlockingQueue<PendingBatch> queue;

	// Only one committer at a time takes from the queue, so a group is taken in queue order without gaps.
	private final ReentrantLock takeLock = new ReentrantLock();

	private final List<Thread> committers = new ArrayList<>();

	private final List<Slot> slots = new ArrayList<>();

	private volatile boolean running = true;

	@Autowired
	public KafkaObservationPublisher(KafkaProperties kafkaProperties, PublisherProperties properties,
			MeterRegistry meterRegistry, IngestMetrics metrics) {
		this(kafkaProperties.buildProducerProperties(), properties, meterRegistry, metrics, (batches) -> {
		});
	}

	/**
	 * @param beforeCommit told how many batches a transaction holds just before it is committed; lets tests
	 *     hold a committer at that point
	 */
	KafkaObservationPublisher(Map<String, Object> baseProducerConfig, PublisherProperties properties,
			MeterRegistry meterRegistry, IngestMetrics metrics, IntConsumer beforeCommit) {
		this.properties = properties;
		this.meterRegistry = meterRegistry;
		this.metrics = metrics;
		this.beforeCommit = beforeCommit;
		this.producerConfig = producerConfig(baseProducerConfig, properties);
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		Gauge.builder("brandsignal.ingest.publish.queued", this.queue, BlockingQueue::size)
			.description("Batches waiting for a transaction")
			.register(meterRegistry);
		String instance = properties.instanceId().isBlank() ? UUID.randomUUID().toString() : properties.instanceId();
		for (int i = 0; i < properties.producers(); i++) {
			Slot slot = new Slot(properties.transactionalIdPrefix() + "-" + instance + "-" + i);
			this.slots.add(slot);
			Thread committer = new Thread(() -> commitLoop(slot), "ingest-committer-" + i);
			committer.setDaemon(true);
			this.committers.add(committer);
		}
		// Each committer first starts its producer, so the first request does not pay for connecting and,
		// on a new cluster, for the creation of the transaction-state topic.
		this.committers.forEach(Thread::start);
	}

	/**
	 * The producer settings: the application's {@code spring.kafka} producer properties, overridden by
	 * what atomic, acknowledged and bounded publishing needs.
	 */
	public static Map<String, Object> producerConfig(Map<String, Object> base, PublisherProperties properties) {
		Map<String, Object> config = new HashMap<>(base);
		config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
		config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
		// A transaction carries many requests' batches: larger producer batches mean fewer produce requests.
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, DEFAULT_BATCH_SIZE);
		// With transactions v2 a transaction's first produce is refused (CONCURRENT_TRANSACTIONS) while the broker
		// still writes the previous one's commit markers, which takes milliseconds; the default 100 ms back-off
		// before the retry would stall each committer for most of that time.
		config.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, DEFAULT_RETRY_BACKOFF_MS);
		// Observations are JSON with the same names in every record: lz4 shrinks a batch several times over for
		// little CPU, so the broker copies, checksums and stores far fewer bytes (ingest-service/BENCHMARK.md
		// measured 0.54-0.61 of the raw producer with it, 0.47-0.59 without).
		config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_COMPRESSION);
		int linger = Integer.parseInt(config.get(ProducerConfig.LINGER_MS_CONFIG).toString());
		int timeout = (int) properties.timeout().toMillis();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, linger + 1));
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, timeout - linger));
		// An instance that dies mid-transaction blocks read_committed readers until this passes.
		config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(10_000, 2 * timeout));
		return config;
	}

	@Override
	public void publish(List<ObservationRecorded> batch) {
		long deadline = System.nanoTime() + this.properties.timeout().toNanos();
		PendingBatch pending = serialize(batch);
		if (!this.running || !this.queue.offer(pending)) {
			throw new PublishFailedException(
					"Too many batches are waiting for Kafka; nothing of this batch was published",
					this.properties.retryAfter(), null);
		}
		try {
			pending.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (pending.abandon(ex)) {
				throw new PublishFailedException("Kafka did not acknowledge the batch within "
						+ this.properties.timeout().toMillis() + " ms; " + RETRY_ADVICE, this.properties.retryAfter(),
						ex);
			}
			// Committed in the instant between the timeout and giving up: the batch is published.
		}
		catch (ExecutionException ex) {
			throw new PublishFailedException(
					"Kafka did not acknowledge the batch (" + ex.getCause().getMessage() + "); " + RETRY_ADVICE,
					this.properties.retryAfter(), ex.getCause());
		}
		catch (InterruptedException ex) {
			pending.abandon(ex);
			Thread.currentThread().interrupt();
			throw new PublishFailedException("Interrupted while waiting for Kafka", this.properties.retryAfter(), ex);
		}
	}

	/** Serializes on the request thread, so the committers spend their time on Kafka alone. */
	private PendingBatch serialize(List<ObservationRecorded> batch) {
		String topic = Topics.OBSERVATIONS.name();
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(batch.size());
		long bytes = 0;
		for (ObservationRecorded observation : batch) {
			byte[] key = this.keySerializer.serialize(topic, observation.brand());
			byte[] value = this.valueSerializer.serialize(topic, observation);
			bytes += key.length + value.length;
			records.add(new ProducerRecord<>(topic, key, value));
		}
		return new PendingBatch(records, bytes, new CompletableFuture<>());
	}

	private void commitLoop(Slot slot) {
		try {
			slot.producer();
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka is not reachable yet ({}); batches are refused with 503 until it is", ex.getMessage());
			slot.discard();
		}
		while (this.running) {
			List<PendingBatch> group;
			try {
				group = takeGroup();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (!group.isEmpty()) {
				commit(slot, group);
			}
		}
	}

	/**
	 * Everything waiting, in queue order, within the per-transaction bounds; at least one batch, whatever
	 * its size, once one arrives.
	 */
	private List<PendingBatch> takeGroup() throws InterruptedException {
		List<PendingBatch> group = new ArrayList<>();
		this.takeLock.lockInterruptibly();
		try {
			PendingBatch first = this.queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
			if (first == null) {
				return group;
			}
			group.add(first);
			int records = first.records().size();
			long bytes = first.bytes();
			for (PendingBatch next = this.queue.peek(); next != null
					&& records + next.records().size() <= this.properties.maxRecordsPerTransaction()
					&& bytes + next.bytes() <= this.properties.maxBytesPerTransaction().toBytes(); next = this.queue
						.peek()) {
				group.add(this.queue.remove());
				records += next.records().size();
				bytes += next.bytes();
			}
			return group;
		}
		finally {
			this.takeLock.unlock();
		}
	}

	private void commit(Slot slot, List<PendingBatch> group) {
		List<PendingBatch> live = new ArrayList<>(group);
		long start = System.nanoTime();
		try {
			while (true) {
				live.removeIf(PendingBatch::givenUp);
				if (live.isEmpty()) {
					return;
				}
				Producer<byte[], byte[]> producer = slot.producer();
				producer.beginTransaction();
				for (PendingBatch batch : live) {
					for (ProducerRecord<byte[], byte[]> record : batch.records()) {
						producer.send(record);
					}
				}
				this.beforeCommit.accept(live.size());
				if (live.stream().anyMatch(PendingBatch::givenUp)) {
					// A caller has been told 503 already: its batch must not be committed behind its back.
					producer.abortTransaction();
					continue;
				}
				producer.commitTransaction();
				this.metrics.transactionCommitted(live.size(), System.nanoTime() - start);
				live.forEach(PendingBatch::published);
				return;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka transaction of {} batches failed ({}); every request in it is answered 503", live.size(),
					ex.toString());
			slot.discard();
			this.metrics.transactionFailed(System.nanoTime() - start);
			live.forEach((batch) -> batch.failed(ex));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		for (Thread committer : this.committers) {
			committer.join(this.properties.timeout().toMillis() * 2 + 1000);
		}
		PublishFailedException stopping = new PublishFailedException("The service is stopping",
				this.properties.retryAfter(), null);
		for (PendingBatch left = this.queue.poll(); left != null; left = this.queue.poll()) {
			left.failed(stopping);
		}
		for (Slot slot : this.slots) {
			slot.close(Duration.ofSeconds(5));
		}
	}

	/**
	 * One request's batch, serialized, and how its request learns the outcome.
	 * @param records the records, in request order
	 * @param bytes the serialized size of keys and values
	 * @param result completed by the committer once the transaction committed or failed, or by the request
	 *     when it gives up waiting
	 */
	private record PendingBatch(List<ProducerRecord<byte[], byte[]>> records, long bytes,
			CompletableFuture<Void> result) {

		/** Marks the batch as given up by its request; false if it was already published. */
		boolean abandon(Throwable why) {
			return this.result.completeExceptionally(why) || this.result.isCompletedExceptionally();
		}

		/** Whether the request no longer waits for this batch. */
		boolean givenUp() {
			return this.result.isDone();
		}

		void published() {
			this.result.complete(null);
		}

		void failed(Throwable why) {
			this.result.completeExceptionally(why);
		}

	}

	/** One transactional id with the producer currently using it, created on first use. */
	private final class Slot {

		private final String transactionalId;

		private KafkaProducer<byte[], byte[]> producer;

		private KafkaClientMetrics metrics;

		Slot(String transactionalId) {
			this.transactionalId = transactionalId;
		}

		synchronized Producer<byte[], byte[]> producer() {
			if (this.producer == null) {
				Map<String, Object> config = new HashMap<>(KafkaObservationPublisher.this.producerConfig);
				config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, this.transactionalId);
				config.put(ProducerConfig.CLIENT_ID_CONFIG, this.transactionalId);
				KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(config, new ByteArraySerializer(),
						new ByteArraySerializer());
				try {
					created.initTransactions();
				}
				catch (RuntimeException ex) {
					created.close(Duration.ZERO);
					throw ex;
				}
				this.producer = created;
				this.metrics = new KafkaClientMetrics(created);
				this.metrics.bindTo(KafkaObservationPublisher.this.meterRegistry);
			}
			return this.producer;
		}

		synchronized void discard() {
			if (this.producer != null) {
				logger.warn("Closing Kafka producer {} after a failed transaction; the next one starts a new producer",
						this.transactionalId);
			}
			close(Duration.ZERO);
		}

		synchronized void close(Duration timeout) {
			if (this.metrics != null) {
				this.metrics.close();
				this.metrics = null;
			}
			if (this.producer != null) {
				try {
					this.producer.close(timeout);
				}
				catch (RuntimeException ex) {
					logger.debug("Closing producer {} failed", this.transactionalId, ex);
				}
				this.producer = null;
			}
		}

	}

}
