package io.brandsignal.dashboard.overview.web;

import java.util.Arrays;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.brand.Verdicts;
import io.brandsignal.dashboard.overview.Leaderboard;
import io.brandsignal.dashboard.readmodel.BrandSort;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The overview page, of the brands the reader may see: their quadrant, the counts per verdict and the leaderboard. The
 * leaderboard is also served alone, as a fragment the page swaps in on live updates.
 */
@Controller
class OverviewPageController {

	private final Leaderboard leaderboard;

	OverviewPageController(Leaderboard leaderboard) {
		this.leaderboard = leaderboard;
	}

	@GetMapping("/")
	String overview(@RequestParam(required = false) String verdict, @RequestParam(required = false) String sort,
			BrandScope scope, Model model) {
		fill(model, scope, verdict, sort);
		return "overview";
	}

	@GetMapping("/fragments/leaderboard")
	String leaderboardFragment(@RequestParam(required = false) String verdict,
			@RequestParam(required = false) String sort, BrandScope scope, Model model) {
		fill(model, scope, verdict, sort);
		return "overview :: leaderboard";
	}

	private void fill(Model model, BrandScope scope, String verdictParameter, String sortParameter) {
		// A page forgives a bad parameter: it shows everything rather than an error.
		Verdict verdict = Arrays.stream(Verdict.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(verdictParameter))
			.findFirst()
			.orElse(null);
		BrandSort sort = BrandSort.fromParameter(sortParameter).orElse(BrandSort.IMPACT_SCORE);
		model.addAttribute("rows", this.leaderboard.rows(verdict, sort, scope));
		model.addAttribute("counts", this.leaderboard.counts(scope));
		model.addAttribute("selectedVerdict", verdict);
		model.addAttribute("selectedSort", sort);
		model.addAttribute("verdicts", Arrays.stream(Verdict.values()).map(VerdictOption::of).toList());
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
