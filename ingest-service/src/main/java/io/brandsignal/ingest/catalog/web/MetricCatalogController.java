package io.brandsignal.ingest.catalog.web;

import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.catalog.MetricTier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/metrics}: the metrics this deployment accepts, with category, tier, kind and valid
 * range, so integrators know what to post. Needs no API key.
 */
@RestController
@Tag(name = "catalog", description = "The metrics that can be posted")
public class MetricCatalogController {

	private final MetricCatalog catalog;

	public MetricCatalogController(MetricCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping(path = "/api/v1/metrics", produces = "application/json")
	@Operation(summary = "List the metric catalog")
	@ApiResponse(responseCode = "200", description = "Every metric, in catalog order", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = MetricCatalogResponse.class)))
	@ApiResponse(responseCode = "406", description = "The Accept header rules out application/json",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	public MetricCatalogResponse metrics() {
		return new MetricCatalogResponse(this.catalog.metrics().stream().map(MetricView::of).toList());
	}

	/**
	 * The catalog as served.
	 *
	 * @param metrics every metric, in catalog order
	 */
	public record MetricCatalogResponse(List<MetricView> metrics) {
	}

	/**
	 * One metric as served.
	 *
	 * @param name the name to post
	 * @param category vanity (audience) or outcome (business results)
	 * @param tier the AMEC stage
	 * @param kind a stock read at a point in time ({@code LEVEL}) or an amount per day ({@code FLOW})
	 * @param min smallest valid value, inclusive
	 * @param max largest valid value, inclusive; {@code null} when unbounded
	 * @param range the valid range in words, e.g. {@code >= 0} or {@code 0..100}
	 * @param unit the unit
	 */
	@Schema(name = "Metric")
	public record MetricView(@Schema(example = "followers") String name, MetricCategory category, MetricTier tier,
			MetricKind kind, @Schema(example = "0") double min, @Schema(nullable = true) Double max,
			@Schema(example = ">= 0") String range, @Schema(example = "count") String unit) {

		static MetricView of(MetricDefinition metric) {
			return new MetricView(metric.name(), metric.category(), metric.tier(), metric.kind(), metric.min(),
					Double.isInfinite(metric.max()) ? null : metric.max(), metric.describeRange(), metric.unit());
		}

	}

}
