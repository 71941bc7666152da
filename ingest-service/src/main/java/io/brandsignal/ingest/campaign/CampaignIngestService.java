package io.brandsignal.ingest.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.campaign.FieldProblem;
import io.brandsignal.contract.event.ObservationRules;
import io.brandsignal.ingest.auth.ApiClient;
import io.brandsignal.ingest.auth.ForbiddenBrandsException;
import io.brandsignal.ingest.observation.ItemError;
import io.brandsignal.ingest.observation.ItemLocation;
import io.brandsignal.ingest.observation.PublishFailedException;

import org.springframework.stereotype.Service;

/**
 * Defines and deletes campaigns for systems: checks the path's brand and id and the key's scope before
 * the body is read, then every field against the contract's {@link CampaignRules}, and publishes the
 * definition (or a tombstone) keyed {@code brand|id}. Nothing is published for a refused request.
 */
@Service
public class CampaignIngestService {

	private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final String KINDS = Arrays.stream(CampaignKind.values())
		.map(Enum::name)
		.collect(Collectors.joining(", "));

	private final CampaignPublisher publisher;

	private final CampaignMetrics metrics;

	private final Clock clock;

	public CampaignIngestService(CampaignPublisher publisher, CampaignMetrics metrics, Clock clock) {
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Checks that the path names a campaign the client may write; called before the body is read, so a
	 * caller without the brand in scope costs no parsing.
	 * @throws InvalidCampaignException when brand or id is no slug
	 * @throws ForbiddenBrandsException when the key may not write the brand
	 */
	public void authorize(ApiClient client, String brand, String id) {
		List<ItemError> errors = new ArrayList<>();
		inPath(errors, "brand", ObservationRules.slugProblem(brand));
		inPath(errors, "id", CampaignRules.idProblem(id));
		if (!errors.isEmpty()) {
			throw new InvalidCampaignException(errors);
		}
		if (!client.mayWrite(brand)) {
			throw ForbiddenBrandsException.campaign(client.name(), brand);
		}
	}

	/**
	 * Validates and publishes a campaign's definition; a later definition of the same brand and id replaces it.
	 * @param client the authenticated caller
	 * @param brand the brand of the path
	 * @param id the campaign id of the path
	 * @param raw the body as read
	 * @return the definition as published
	 * @throws InvalidCampaignException when any field is invalid or the body names another brand or id
	 * @throws ForbiddenBrandsException when the key may not write the brand
	 * @throws PublishFailedException when Kafka did not acknowledge in time
	 */
	public CampaignDefined define(ApiClient client, String brand, String id, RawCampaign raw) {
		authorize(client, brand, id);
		List<ItemError> errors = new ArrayList<>(raw.readErrors());
		matchesPath(raw, "brand", raw.brand(), brand, errors);
		matchesPath(raw, "id", raw.id(), id, errors);
		CampaignKind kind = kind(raw, errors);
		LocalDate start = day(raw, "startDate", raw.startDate(), errors);
		LocalDate end = day(raw, "endDate", raw.endDate(), errors);
		List<String> channels = (raw.channels() != null) ? raw.channels() : List.of(CampaignRules.ALL_CHANNELS);
		Instant now = this.clock.instant();
		CampaignDefined campaign = new CampaignDefined(brand, id, raw.name(), kind, start, end, channels, raw.spend(),
				raw.currency(), raw.note(), now, client.name());
		for (FieldProblem problem : CampaignRules.problems(campaign)) {
			// A field the reader refused or that did not parse reads as absent here: it is reported once, above.
			if (!raw.hasReadError(problem.field()) && !hasError(errors, problem.field())) {
				errors.add(ItemError.at(ItemLocation.body(), problem.field(), problem.message()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidCampaignException(errors);
		}
		this.publisher.publish(campaign.key(), campaign);
		this.metrics.upserted();
		return campaign;
	}

	/**
	 * Publishes a campaign's tombstone: readers forget it, compaction removes it. Deleting a campaign that
	 * does not exist is harmless and answered the same, so a retried delete is safe.
	 * @throws InvalidCampaignException when brand or id is no slug
	 * @throws ForbiddenBrandsException when the key may not write the brand
	 * @throws PublishFailedException when Kafka did not acknowledge in time
	 */
	public void delete(ApiClient client, String brand, String id) {
		authorize(client, brand, id);
		this.publisher.publish(CampaignDefined.key(brand, id), null);
		this.metrics.deleted();
	}

	private static void matchesPath(RawCampaign raw, String field, String sent, String path, List<ItemError> errors) {
		if (sent != null && !raw.hasReadError(field) && !sent.equals(path)) {
			errors.add(ItemError.at(ItemLocation.body(), field, "must match the path ('" + path + "') or be left out, was '"
					+ ObservationRules.abbreviate(sent) + "'"));
		}
	}

	private static CampaignKind kind(RawCampaign raw, List<ItemError> errors) {
		if (raw.kind() == null || raw.hasReadError("kind")) {
			return null;
		}
		for (CampaignKind kind : CampaignKind.values()) {
			if (kind.name().equals(raw.kind())) {
				return kind;
			}
		}
		errors.add(ItemError.at(ItemLocation.body(), "kind",
				"must be one of " + KINDS + ", was '" + ObservationRules.abbreviate(raw.kind()) + "'"));
		return null;
	}

	private static LocalDate day(RawCampaign raw, String field, String text, List<ItemError> errors) {
		if (text == null || raw.hasReadError(field)) {
			return null;
		}
		try {
			return LocalDate.parse(text, ISO_DAY);
		}
		catch (DateTimeParseException ex) {
			errors.add(ItemError.at(ItemLocation.body(), field,
					"must be an ISO day (YYYY-MM-DD), was '" + ObservationRules.abbreviate(text) + "'"));
			return null;
		}
	}

	private static void inPath(List<ItemError> errors, String field, String problem) {
		if (problem != null) {
			errors.add(ItemError.at(ItemLocation.body(), field, problem + " in the path"));
		}
	}

	private static boolean hasError(List<ItemError> errors, String field) {
		return errors.stream().anyMatch((error) -> field.equals(error.field()));
	}

}
