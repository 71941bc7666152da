package io.brandsignal.dashboard.brand.web;

import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.brand.BrandNotFoundException;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.brand.ScorecardView;
import io.brandsignal.dashboard.brand.Verdicts;
import io.brandsignal.dashboard.campaign.Campaigns;
import io.brandsignal.dashboard.readmodel.CampaignStore.BrandCampaign;
import io.brandsignal.dashboard.web.RenderedPages;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * A brand's page: its scorecard with the evidence and explanation, the charts its scripts draw
 * from the series API, and its campaigns (listed, and marked on the charts as shaded bands).
 * The scorecard panel is also served alone, for live updates.
 */
@Controller
class BrandPageController {

	private final Brands brands;

	private final Campaigns campaigns;

	private final RenderedPages pages;

	private final int defaultDays;

	BrandPageController(Brands brands, Campaigns campaigns, RenderedPages pages, DashboardProperties properties) {
		this.brands = brands;
		this.campaigns = campaigns;
		this.pages = pages;
		this.defaultDays = properties.series().defaultDays();
	}

	@GetMapping("/brands/{brand}")
	View brand(@PathVariable String brand, BrandScope scope, Model model) {
		// The page is the same for every reader who may see the brand until its scorecard changes; the scope is
		// checked before a kept copy is served.
		Optional<ScorecardView> scorecard = fill(brand, scope, model);
		List<BrandCampaign> campaigns = this.campaigns.ofBrand(brand);
		model.addAttribute("campaigns", campaigns);
		return this.pages.view("brand", brand, new Version(scorecard.orElse(null), campaigns));
	}

	/** The brand's campaigns alone, for live updates of the list and the charts' bands. */
	@GetMapping("/brands/{brand}/fragments/campaigns")
	String campaignsFragment(@PathVariable String brand, BrandScope scope, Model model) {
		Brands.requireInScope(scope, brand);
		model.addAttribute("brand", brand);
		model.addAttribute("campaigns", this.campaigns.ofBrand(brand));
		return "brand :: campaigns";
	}

	@GetMapping("/brands/{brand}/fragments/scorecard")
	String scorecardFragment(@PathVariable String brand, BrandScope scope, Model model) {
		fill(brand, scope, model);
		return "brand :: scorecard";
	}

	private Optional<ScorecardView> fill(String brand, BrandScope scope, Model model) {
		Brands.requireInScope(scope, brand);
		Optional<ScorecardView> scorecard = this.brands.findScorecard(brand);
		if (scorecard.isEmpty() && !this.brands.exists(brand)) {
			throw Brands.unknown(brand);
		}
		model.addAttribute("brand", brand);
		// the range the series API serves when none is asked for, the page's first preset
		model.addAttribute("defaultDays", this.defaultDays);
		model.addAttribute("scorecard", scorecard.orElse(null));
		model.addAttribute("verdictMeaning", scorecard.map((card) -> Verdicts.meaning(card.verdict())).orElse(""));
		return scorecard;
	}

	/**
	 * What the kept brand page was rendered from: it is rendered again once either changes.
	 *
	 * @param scorecard the brand's scorecard, or {@code null}
	 * @param campaigns the brand's campaigns as listed and marked on its charts
	 */
	private record Version(ScorecardView scorecard, List<BrandCampaign> campaigns) {
	}

	@ExceptionHandler
	ModelAndView brandNotFound(BrandNotFoundException ex) {
		ModelAndView page = new ModelAndView("not-found");
		page.addObject("brand", ex.brand());
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

}
