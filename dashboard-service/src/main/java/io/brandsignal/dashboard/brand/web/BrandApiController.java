package io.brandsignal.dashboard.brand.web;

import java.util.Arrays;
import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.brand.ScorecardView;
import io.brandsignal.dashboard.readmodel.BrandSort;
import io.brandsignal.dashboard.web.ApiPages;
import io.brandsignal.dashboard.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The brands and their latest scorecards, for API clients and the dashboard's scripts.
 */
@RestController
@RequestMapping("/api/v1/brands")
@Tag(name = "brands", description = "Brands and their latest scorecards")
class BrandApiController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 500;

	private final Brands brands;

	BrandApiController(Brands brands) {
		this.brands = brands;
	}

	@GetMapping
	@Operation(summary = "The scored brands the caller may see, a page at a time, with the headline numbers of "
			+ "their latest scorecards; X-Total-Count says how many there are, Link rel=next where the next page is")
	ResponseEntity<List<BrandSummary>> list(BrandScope scope,
			@Parameter(description = "Only brands with this verdict, such as VANITY_TRAP") @RequestParam(
					required = false) String verdict,
			@Parameter(description = "brand (default), vanityIndex or impactScore (highest first)") @RequestParam(
					required = false) String sort,
			@Parameter(description = "How many brands, 1 to " + MAX_LIMIT) @RequestParam(
					defaultValue = "" + DEFAULT_LIMIT) int limit,
			@Parameter(description = "How many brands to skip") @RequestParam(defaultValue = "0") int offset) {
		ApiPages.requireValid(limit, offset, MAX_LIMIT);
		Verdict only = verdict(verdict);
		List<BrandSummary> page = this.brands.page(only, sort(sort), scope, limit, offset);
		int total = this.brands.count(only, scope);
		return ApiPages.answer(page, total, limit, offset);
	}

	@GetMapping("/{brand}/scorecard")
	@Operation(summary = "The brand's latest scorecard")
	ScorecardView scorecard(@PathVariable String brand, BrandScope scope) {
		Brands.requireInScope(scope, brand);
		return this.brands.scorecard(brand);
	}

	static Verdict verdict(String verdict) {
		if (verdict == null || verdict.isBlank()) {
			return null;
		}
		return Arrays.stream(Verdict.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(verdict.trim()))
			.findFirst()
			.orElseThrow(() -> new BadRequestException("unknown-verdict", "Unknown verdict", "'verdict' must be one of "
					+ Arrays.toString(Verdict.values()) + "."));
	}

	static BrandSort sort(String sort) {
		if (sort == null || sort.isBlank()) {
			return BrandSort.BRAND;
		}
		return BrandSort.fromParameter(sort.trim())
			.orElseThrow(() -> new BadRequestException("unknown-sort", "Unknown sort",
					"'sort' must be one of brand, vanityIndex, impactScore."));
	}

}
