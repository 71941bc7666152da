package io.brandsignal.ingest.observation.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.observation.ObservationPublisher;
import io.brandsignal.ingest.observation.PublishFailedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes each batch to {@code Topics.OBSERVATIONS} in one Kafka transaction (idempotent producer,
 * {@code acks=all}), keyed by brand, and returns only once the transaction committed.
 * <p>
 * Batches run on a small pool of publisher threads, each with its own transactional producer, and the
 * calling request thread waits at most {@link PublisherProperties#timeout()}: a down or slow broker
 * turns into a {@link PublishFailedException} within that bound, and when every publisher is busy and
 * the queue is full, requests are refused at once instead of tying up request threads. A producer that
 * failed is closed and replaced; its successor reuses the transactional id, which aborts anything the
 * failed one left open.
 */
@Component
public class KafkaObservationPublisher implements ObservationPublisher, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(KafkaObservationPublisher.class);

	private static final int DEFAULT_LINGER_MS = 5;

	// A commit can succeed on the broker just as the wait for it gives up, so a 503 promises no more than this.
	private static final String RETRY_ADVICE = "send it again later (observations are upserts of daily cells, "
			+ "so a retry never double counts)";

	private final PublisherProperties properties;

	private final Map<String, Object> producerConfig;

	private final MeterRegistry meterRegistry;

	private final ThreadPoolExecutor executor;

	private final BlockingQueue<Slot> slots;

	public KafkaObservationPublisher(KafkaProperties kafkaProperties, PublisherProperties properties,
			MeterRegistry meterRegistry) {
		this.properties = properties;
		this.meterRegistry = meterRegistry;
		this.producerConfig = producerConfig(kafkaProperties.buildProducerProperties(), properties);
		String instance = properties.instanceId().isBlank() ? UUID.randomUUID().toString() : properties.instanceId();
		this.slots = new ArrayBlockingQueue<>(properties.producers());
		for (int i = 0; i < properties.producers(); i++) {
			this.slots.add(new Slot(properties.transactionalIdPrefix() + "-" + instance + "-" + i));
		}
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(properties.producers(), properties.producers(), 0, TimeUnit.SECONDS,
				(properties.queueCapacity() > 0) ? new ArrayBlockingQueue<>(properties.queueCapacity())
						: new SynchronousQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, "ingest-publisher-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
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

	/**
	 * Starts one producer in the background once the application is ready, so the first request does not
	 * pay for connecting and, on a new cluster, for the creation of the transaction-state topic.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void warmUp() {
		try {
			this.executor.execute(() -> {
				Slot slot = this.slots.remove();
				try {
					slot.producer();
				}
				catch (RuntimeException ex) {
					logger.warn("Kafka is not reachable yet ({}); batches are refused with 503 until it is",
							ex.getMessage());
					slot.discard();
				}
				finally {
					this.slots.add(slot);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Requests already keep every publisher busy: nothing to warm up.
		}
	}

	@Override
	public void publish(List<ObservationRecorded> batch) {
		long deadline = System.nanoTime() + this.properties.timeout().toNanos();
		AtomicBoolean abandoned = new AtomicBoolean();
		Future<?> result;
		try {
			result = this.executor.submit(() -> publishInTransaction(batch, deadline, abandoned));
		}
		catch (RejectedExecutionException ex) {
			throw new PublishFailedException("All Kafka publishers are busy; nothing of this batch was published",
					this.properties.retryAfter(), ex);
		}
		try {
			result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			abandoned.set(true);
			throw new PublishFailedException("Kafka did not acknowledge the batch within "
					+ this.properties.timeout().toMillis() + " ms; " + RETRY_ADVICE, this.properties.retryAfter(), ex);
		}
		catch (ExecutionException ex) {
			throw new PublishFailedException(
					"Kafka did not acknowledge the batch (" + ex.getCause().getMessage() + "); " + RETRY_ADVICE,
					this.properties.retryAfter(), ex.getCause());
		}
		catch (InterruptedException ex) {
			abandoned.set(true);
			Thread.currentThread().interrupt();
			throw new PublishFailedException("Interrupted while waiting for Kafka", this.properties.retryAfter(), ex);
		}
	}

	private void publishInTransaction(List<ObservationRecorded> batch, long deadline, AtomicBoolean abandoned) {
		if (abandoned.get()) {
			return;
		}
		Slot slot = this.slots.remove();
		boolean healthy = false;
		try {
			Producer<String, ObservationRecorded> producer = slot.producer();
			producer.beginTransaction();
			String topic = Topics.OBSERVATIONS.name();
			for (ObservationRecorded observation : batch) {
				producer.send(new ProducerRecord<>(topic, observation.brand(), observation));
			}
			if (abandoned.get() || System.nanoTime() > deadline) {
				// The caller has been told 503 already: make sure the batch is not committed behind its back.
				producer.abortTransaction();
				healthy = true;
				throw new PublishFailedException("Gave up on the batch after the deadline", this.properties.retryAfter(),
						null);
			}
			producer.commitTransaction();
			healthy = true;
		}
		finally {
			if (healthy) {
				this.slots.add(slot);
			}
			else {
				slot.discard();
				this.slots.add(slot);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(this.properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
		for (Slot slot : this.slots) {
			slot.close(Duration.ofSeconds(5));
		}
	}

	/** One transactional id with the producer currently using it, created on first use. */
	private final class Slot {

		private final String transactionalId;

		private KafkaProducer<String, ObservationRecorded> producer;

		private KafkaClientMetrics metrics;

		Slot(String transactionalId) {
			this.transactionalId = transactionalId;
		}

		Producer<String, ObservationRecorded> producer() {
			if (this.producer == null) {
				Map<String, Object> config = new HashMap<>(KafkaObservationPublisher.this.producerConfig);
				config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, this.transactionalId);
				config.put(ProducerConfig.CLIENT_ID_CONFIG, this.transactionalId);
				KafkaProducer<String, ObservationRecorded> created = new KafkaProducer<>(config,
						Topics.OBSERVATIONS.keySerde().serializer(), Topics.OBSERVATIONS.valueSerde().serializer());
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

		void discard() {
			if (this.producer != null) {
				logger.warn("Closing Kafka producer {} after a failed publish; the next batch starts a new one",
						this.transactionalId);
			}
			close(Duration.ZERO);
		}

		void close(Duration timeout) {
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
