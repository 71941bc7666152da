package io.brandsignal.dashboard.campaign.web;

import java.util.Arrays;
import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.dashboard.campaign.Campaigns;
import io.brandsignal.dashboard.readmodel.CampaignFilter;
import io.brandsignal.dashboard.readmodel.CampaignRow;
import io.brandsignal.dashboard.readmodel.CampaignSort;
import io.brandsignal.dashboard.web.ApiPages;
import io.brandsignal.dashboard.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns and their measured lift, for API clients (read keys and people, each within their brands).
 */
@RestController
@Tag(name = "campaigns", description = "Campaigns and their measured lift")
class CampaignApiController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 500;

	private final Campaigns campaigns;

	CampaignApiController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/api/v1/campaigns")
	@Operation(summary = "The scored campaigns the caller may see, a page at a time, with their "
			+ "headline lifts (relative total audience and outcome lift of the side's metric with the strongest "
			+ "evidence, with 95 % intervals); X-Total-Count says how many there are, Link rel=next where the next "
			+ "page is")
	ResponseEntity<List<CampaignRow>> list(BrandScope scope,
			@Parameter(description = "Only campaigns of this kind, such as GIVEAWAY") @RequestParam(
					required = false) String kind,
			@Parameter(description = "Only campaigns with this verdict, such as BOUGHT_ATTENTION") @RequestParam(
					required = false) String verdict,
			@Parameter(description = "start (default: latest start first), audienceLift or outcomeLift (highest "
					+ "first, campaigns without that lift last)") @RequestParam(required = false) String sort,
			@Parameter(description = "How many campaigns, 1 to " + MAX_LIMIT) @RequestParam(
					defaultValue = "" + DEFAULT_LIMIT) int limit,
			@Parameter(description = "How many campaigns to skip") @RequestParam(defaultValue = "0") int offset) {
		ApiPages.requireValid(limit, offset, MAX_LIMIT);
		CampaignFilter filter = new CampaignFilter(parse("kind", kind, CampaignKind.values()),
				parse("verdict", verdict, CampaignVerdict.values()));
		CampaignSort order = (sort == null || sort.isBlank()) ? CampaignSort.START
				: CampaignSort.fromParameter(sort.trim())
					.orElseThrow(() -> new BadRequestException("unknown-sort", "Unknown sort",
							"'sort' must be one of start, audienceLift, outcomeLift."));
		List<CampaignRow> page = this.campaigns.page(filter, order, scope, limit, offset);
		int total = this.campaigns.count(filter, scope);
		return ApiPages.answer(page, total, limit, offset);
	}

	@GetMapping("/api/v1/brands/{brand}/campaigns/{id}")
	@Operation(summary = "The campaign's latest measured lift as scoring published it (CampaignScored): per metric "
			+ "the during, carry-over and total effect with 95 % interval and placebo p-value, the daily actual "
			+ "against counterfactual band, the verdict, explanation, costs and overlaps")
	CampaignScored campaign(@PathVariable String brand, @PathVariable String id, BrandScope scope) {
		return this.campaigns.result(scope, brand, id);
	}

	private static <E extends Enum<E>> E parse(String name, String value, E[] values) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(values)
			.filter((candidate) -> candidate.name().equalsIgnoreCase(value.trim()))
			.findFirst()
			.orElseThrow(() -> new BadRequestException("unknown-" + name, "Unknown " + name,
					"'" + name + "' must be one of " + Arrays.toString(values) + "."));
	}

}
