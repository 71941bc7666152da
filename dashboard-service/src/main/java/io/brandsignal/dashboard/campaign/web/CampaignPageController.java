package io.brandsignal.dashboard.campaign.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.dashboard.campaign.CampaignCsv;
import io.brandsignal.dashboard.campaign.CampaignNotFoundException;
import io.brandsignal.dashboard.campaign.Campaigns;
import io.brandsignal.dashboard.readmodel.CampaignFilter;
import io.brandsignal.dashboard.readmodel.CampaignRow;
import io.brandsignal.dashboard.readmodel.CampaignSort;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The campaign pages: one campaign's lift ({@code /brands/{brand}/campaigns/{id}}) and the portfolio of every
 * campaign the reader may see ({@code /campaigns}: scatter, filtered and paged table, CSV export). Filters and
 * pages are query parameters, so everything works without scripts; a bad parameter shows everything or the
 * first page, as the overview does.
 */
@Controller
class CampaignPageController {

	/** Rows per portfolio page unless the reader asks for another number. */
	static final int DEFAULT_LIMIT = 50;

	/** The most rows a portfolio page shows, whatever the reader asks for. */
	static final int MAX_LIMIT = 200;

	private final Campaigns campaigns;

	CampaignPageController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/brands/{brand}/campaigns/{id}")
	String campaign(@PathVariable String brand, @PathVariable String id, BrandScope scope,
			@RequestParam(required = false) String saved, Model model) {
		try {
			model.addAttribute("campaign", this.campaigns.view(scope, brand, id));
		}
		catch (CampaignNotFoundException ex) {
			if (saved == null || !scope.includes(brand)) {
				throw ex;
			}
			// just written by the form: the read model learns of it from the topic within moments
			model.addAttribute("brand", brand);
			model.addAttribute("id", id);
			return "campaign-pending";
		}
		model.addAttribute("saved", saved != null);
		return "campaign";
	}

	@GetMapping("/campaigns")
	String portfolio(@RequestParam(required = false) String kind, @RequestParam(required = false) String verdict,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String offset, @RequestParam(required = false) String deleted,
			BrandScope scope, Model model) {
		CampaignFilter filter = new CampaignFilter(kind(kind), verdict(verdict));
		CampaignSort order = CampaignSort.fromParameter(sort).orElse(CampaignSort.START);
		int size = Math.min(number(limit, DEFAULT_LIMIT, 1), MAX_LIMIT);
		int start = number(offset, 0, 0);
		List<CampaignRow> rows = this.campaigns.page(filter, order, scope, size, start);
		int total = this.campaigns.count(filter, scope);
		model.addAttribute("rows", rows);
		model.addAttribute("chart", Campaigns.chart(rows));
		model.addAttribute("filter", filter);
		model.addAttribute("sort", order);
		model.addAttribute("summary", summary(total, size, start));
		model.addAttribute("previous",
				(start > 0) ? href("/campaigns", filter, order, size, Math.max(0, start - size)) : null);
		model.addAttribute("next",
				(start + (long) size < total) ? href("/campaigns", filter, order, size, start + size) : null);
		model.addAttribute("csvHref", href("/campaigns.csv", filter, order, DEFAULT_LIMIT, 0));
		model.addAttribute("chosenLimit", (size != DEFAULT_LIMIT) ? size : null);
		model.addAttribute("deleted", deleted);
		return "campaigns";
	}

	@GetMapping(path = "/campaigns.csv", produces = "text/csv")
	ResponseEntity<String> export(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String verdict, @RequestParam(required = false) String sort,
			BrandScope scope) {
		List<CampaignRow> rows = this.campaigns.export(new CampaignFilter(kind(kind), verdict(verdict)),
				CampaignSort.fromParameter(sort).orElse(CampaignSort.START), scope);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaigns.csv\"")
			.body(CampaignCsv.write(rows));
	}

	@ExceptionHandler
	ModelAndView campaignNotFound(CampaignNotFoundException ex) {
		ModelAndView page = new ModelAndView("campaign-not-found");
		page.addObject("brand", ex.brand());
		page.addObject("id", ex.id());
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	private static String summary(int total, int limit, int offset) {
		if (total == 0) {
			return "No campaigns";
		}
		if (offset >= total) {
			return "No campaigns on this page, " + total + " in all";
		}
		return "Campaigns " + (offset + 1) + "–" + Math.min(total, offset + limit) + " of " + total;
	}

	private static String href(String path, CampaignFilter filter, CampaignSort sort, int limit, int offset) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		if (filter.kind() != null) {
			link.queryParam("kind", filter.kind().name());
		}
		if (filter.verdict() != null) {
			link.queryParam("verdict", filter.verdict().name());
		}
		if (sort != CampaignSort.START) {
			link.queryParam("sort", sort.parameter());
		}
		if (limit != DEFAULT_LIMIT) {
			link.queryParam("limit", limit);
		}
		if (offset > 0) {
			link.queryParam("offset", offset);
		}
		return link.build().toUriString();
	}

	/** The kind a parameter names, ignoring case; {@code null} (every kind) for none or an unknown one. */
	static CampaignKind kind(String parameter) {
		return Arrays.stream(CampaignKind.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase((parameter != null) ? parameter.trim() : ""))
			.findFirst()
			.orElse(null);
	}

	/** The verdict a parameter names, ignoring case; {@code null} (every verdict) for none or an unknown one. */
	static CampaignVerdict verdict(String parameter) {
		return Arrays.stream(CampaignVerdict.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase((parameter != null) ? parameter.trim() : ""))
			.findFirst()
			.orElse(null);
	}

	/** The whole number a parameter holds if it is one of at least {@code min}, else the default. */
	private static int number(String parameter, int defaultValue, int min) {
		if (parameter == null || parameter.isBlank()) {
			return defaultValue;
		}
		try {
			int value = Integer.parseInt(parameter.trim());
			return (value >= min) ? value : defaultValue;
		}
		catch (NumberFormatException ex) {
			return defaultValue;
		}
	}

}
