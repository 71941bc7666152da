package io.brandsignal.dashboard.series.web;

import java.nio.charset.StandardCharsets;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.series.BrandSeries;
import io.brandsignal.dashboard.series.DateRange;
import io.brandsignal.dashboard.series.SeriesCsv;
import io.brandsignal.dashboard.series.SeriesService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A brand's daily vanity and outcome values, as JSON for charts and as CSV for spreadsheets.
 */
@RestController
@RequestMapping("/api/v1/brands/{brand}")
@Tag(name = "series", description = "A brand's daily values")
class SeriesApiController {

	private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final SeriesService series;

	SeriesApiController(SeriesService series) {
		this.series = series;
	}

	@GetMapping(path = "/series", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Daily values per metric and indexed audience and outcome growth (base 100)")
	@ApiResponse(responseCode = "200", description = "The series, column-wise: values aligned with 'dates'",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = BrandSeries.class)))
	ResponseEntity<byte[]> series(@PathVariable String brand, BrandScope scope,
			@Parameter(description = "First day (ISO date); default: 'days' days up to 'to'") @RequestParam(
					required = false) String from,
			@Parameter(description = "Last day (ISO date); default: the brand's latest day") @RequestParam(
					required = false) String to,
			@Parameter(description = "Length of the range in days when 'from' is not given; default: brandsignal.dashboard.series.default-days") @RequestParam(
					required = false) String days) {
		Brands.requireInScope(scope, brand);
		DateRange range = this.series.range(brand, from, to, days);
		// Served pre-serialized from the series cache; the bytes are the JSON of a BrandSeries.
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.series.seriesJson(brand, range));
	}

	@GetMapping(path = "/series.csv", produces = "text/csv")
	@Operation(summary = "The daily values as CSV (brand,date,metric,category,unit,value), formula-safe")
	ResponseEntity<String> csv(@PathVariable String brand, BrandScope scope, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String days) {
		Brands.requireInScope(scope, brand);
		DateRange range = this.series.range(brand, from, to, days);
		String filename = brand + "-" + range.from() + "-" + range.to() + ".csv";
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(SeriesCsv.write(this.series.series(brand, range)));
	}

}
