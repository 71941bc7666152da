package io.brandsignal.dashboard.overview.web;

import java.util.Arrays;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.brand.BrandNotFoundException;
import io.brandsignal.dashboard.brand.Verdicts;
import io.brandsignal.dashboard.overview.Leaderboard;
import io.brandsignal.dashboard.readmodel.BrandSort;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The overview page, of the brands the reader may see: their quadrant, the counts per verdict and the
 * leaderboard, a page at a time ({@code limit} and {@code offset}, as the brands API pages). The
 * leaderboard is also served alone, and each of its rows too, which the page swaps in when a live update
 * says that brand changed.
 */
@Controller
class OverviewPageController {

	/** Rows per page unless the reader asks for another number. */
	static final int DEFAULT_LIMIT = 50;

	/** The most rows a page shows, whatever the reader asks for. */
	static final int MAX_LIMIT = 200;

	private final Leaderboard leaderboard;

	OverviewPageController(Leaderboard leaderboard) {
		this.leaderboard = leaderboard;
	}

	@GetMapping("/")
	String overview(@RequestParam(required = false) String verdict, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
			BrandScope scope, Model model) {
		fill(model, scope, verdict, sort, limit, offset);
		return "overview";
	}

	@GetMapping("/fragments/leaderboard")
	String leaderboardFragment(@RequestParam(required = false) String verdict,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String offset, BrandScope scope, Model model) {
		fill(model, scope, verdict, sort, limit, offset);
		return "overview :: leaderboard";
	}

	/** One brand's row, for a live update of a page that shows it; 404 for a brand the reader may not see. */
	@GetMapping("/fragments/leaderboard/rows/{brand}")
	String rowFragment(@PathVariable String brand, BrandScope scope, Model model) {
		model.addAttribute("row", this.leaderboard.row(brand, scope));
		return "fragments/leaderboard-row";
	}

	@ExceptionHandler
	ModelAndView brandNotFound(BrandNotFoundException ex) {
		ModelAndView page = new ModelAndView("not-found");
		page.addObject("brand", ex.brand());
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	private void fill(Model model, BrandScope scope, String verdictParameter, String sortParameter,
			String limitParameter, String offsetParameter) {
		// A page forgives a bad parameter: it shows everything, or the first page, rather than an error.
		Verdict verdict = Arrays.stream(Verdict.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(verdictParameter))
			.findFirst()
			.orElse(null);
		BrandSort sort = BrandSort.fromParameter(sortParameter).orElse(BrandSort.IMPACT_SCORE);
		// more rows than the most a page shows get that most, never an unbounded page
		int limit = Math.min(number(limitParameter, DEFAULT_LIMIT, 1), MAX_LIMIT);
		int offset = number(offsetParameter, 0, 0);
		Leaderboard.Page page = this.leaderboard.page(verdict, sort, scope, limit, offset);
		model.addAttribute("rows", page.rows());
		model.addAttribute("page", page);
		model.addAttribute("pageLinks", PageLinks.of(page.total(), limit, offset,
				(start) -> href(verdict, sort, limit, start)));
		model.addAttribute("reloadHref", href(verdict, sort, limit, offset));
		// a page size the reader chose is kept when they apply a filter
		model.addAttribute("chosenLimit", (limit != DEFAULT_LIMIT) ? limit : null);
		model.addAttribute("counts", this.leaderboard.counts(scope));
		model.addAttribute("selectedVerdict", verdict);
		model.addAttribute("selectedSort", sort);
		model.addAttribute("verdicts", Arrays.stream(Verdict.values()).map(VerdictOption::of).toList());
	}

	private static String href(Verdict verdict, BrandSort sort, int limit, int offset) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/");
		if (verdict != null) {
			link.queryParam("verdict", verdict.name());
		}
		link.queryParam("sort", sort.parameter());
		if (limit != DEFAULT_LIMIT) {
			link.queryParam("limit", limit);
		}
		return link.queryParam("offset", offset).build().toUriString();
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

	/**
	 * A verdict as the filter offers it.
	 *
	 * @param verdict the verdict
	 * @param label its words
	 */
	record VerdictOption(Verdict verdict, String label) {

		static VerdictOption of(Verdict verdict) {
			return new VerdictOption(verdict, Verdicts.label(verdict));
		}

	}

}
