package io.brandsignal.scoring.kafka;

import java.util.List;
import java.util.stream.Collectors;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.campaign.FieldProblem;
import io.brandsignal.contract.event.ObservationRules;
import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Checks the campaign definitions read from {@link Topics#CAMPAIGNS} before they are re-partitioned by brand:
 * a definition that cannot be read, breaks {@link CampaignRules} or sits under another campaign's key, and a
 * tombstone whose key is no {@code brand|id}, is dead-lettered ({@link DeadLetters}) from here, so its
 * dead-letter headers name the campaigns topic, partition and offset it was read from. The rest is forwarded as
 * {@link Accepted}, with the bytes as read.
 */
final class CampaignIntake implements Processor<String, byte[], String, Object> {

	private final ScoringMetrics metrics;

	private final Deserializer<CampaignDefined> campaigns = Topics.CAMPAIGNS.valueSerde().deserializer();

	private ProcessorContext<String, Object> context;

	private DeadLetters deadLetters;

	CampaignIntake(ScoringMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void init(ProcessorContext<String, Object> context) {
		this.context = context;
		this.deadLetters = new DeadLetters(context, this.metrics, Topics.CAMPAIGNS.name());
	}

	@Override
	public void process(Record<String, byte[]> record) {
		String keyProblem = keyProblem(record.key());
		if (keyProblem != null) {
			this.deadLetters.send(record, keyProblem, null);
			return;
		}
		if (record.value() != null) {
			CampaignDefined campaign;
			try {
				campaign = this.campaigns.deserialize(Topics.CAMPAIGNS.name(), record.headers(), record.value());
			}
			catch (RuntimeException ex) {
				this.deadLetters.send(record, "unreadable campaign: " + ex.getMessage(), ex.getClass());
				return;
			}
			String problem = problem(record.key(), campaign);
			if (problem != null) {
				this.deadLetters.send(record, problem, null);
				return;
			}
		}
		this.context.forward(record.withValue(new Accepted(record.value())));
	}

	/** Why a record key is no campaign key {@code brand|id} of slugs, {@code null} when it is one. */
	static String keyProblem(String key) {
		if (key == null) {
			return "campaign key missing: must be brand|id";
		}
		try {
			String brand = ObservationRules.slugProblem(CampaignDefined.brandOfKey(key));
			String id = CampaignRules.idProblem(CampaignDefined.idOfKey(key));
			if (brand == null && id == null) {
				return null;
			}
			return "campaign key '" + key + "': brand " + ((brand != null) ? brand : "ok") + ", id "
					+ ((id != null) ? id : "ok");
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
	}

	private static String problem(String key, CampaignDefined campaign) {
		if (campaign == null) {
			return "unreadable campaign: no value";
		}
		List<FieldProblem> problems = CampaignRules.problems(campaign);
		if (!problems.isEmpty()) {
			return "invalid campaign: " + problems.stream()
				.map((problem) -> problem.field() + " " + problem.message())
				.collect(Collectors.joining("; "));
		}
		if (!key.equals(campaign.key())) {
			return "invalid campaign: key '" + key + "' is not its brand|id '" + campaign.key() + "'";
		}
		return null;
	}

	/**
	 * A campaign record that passed the checks: its definition as read, or {@code null} for a tombstone.
	 *
	 * @param definition the JSON bytes as read, {@code null} when the campaign was deleted
	 */
	record Accepted(byte[] definition) {
	}

}
