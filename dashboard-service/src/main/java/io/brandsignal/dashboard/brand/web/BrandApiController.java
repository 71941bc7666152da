package io.brandsignal.dashboard.brand.web;

import java.util.Arrays;
import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.brand.ScorecardView;
import io.brandsignal.dashboard.readmodel.BrandSort;
import io.brandsignal.dashboard.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

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

	private final Brands brands;

	BrandApiController(Brands brands) {
		this.brands = brands;
	}

	@GetMapping
	@Operation(summary = "Every scored brand the caller may see, with the headline numbers of its latest scorecard")
	List<BrandSummary> list(BrandScope scope,
			@Parameter(description = "Only brands with this verdict, such as VANITY_TRAP") @RequestParam(
					required = false) String verdict,
			@Parameter(description = "brand (default), vanityIndex or impactScore (highest first)") @RequestParam(
					required = false) String sort) {
		return this.brands.list(verdict(verdict), sort(sort))
			.stream()
			.filter((summary) -> scope.includes(summary.brand()))
			.toList();
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
