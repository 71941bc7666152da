package io.brandsignal.dashboard.campaign.web;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.dashboard.campaign.CampaignForm;
import io.brandsignal.dashboard.campaign.CampaignNotFoundException;
import io.brandsignal.dashboard.campaign.CampaignWriteFailedException;
import io.brandsignal.dashboard.campaign.CampaignWriter;
import io.brandsignal.dashboard.campaign.Campaigns;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * People create, edit and delete their brands' campaigns here. Every brand in a person's scope may be written:
 * the dashboard's logins have one scope, no separate read and write rights, and read keys never reach the pages.
 * A form is checked with the campaign rules ingest's API applies; with errors it is shown again with each field's
 * problem and nothing is written; a valid one is written to the campaigns topic, and the person is answered only
 * once the broker acknowledged it (or told it failed, with nothing written). The person's login is the
 * campaign's {@code source}. Posts are CSRF-protected like every form of the pages.
 */
@Controller
class CampaignFormController {

	private final Campaigns campaigns;

	private final CampaignWriter writer;

	private final Clock clock;

	CampaignFormController(Campaigns campaigns, CampaignWriter writer) {
		this.campaigns = campaigns;
		this.writer = writer;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/brands/{brand}/campaigns/new")
	String create(@PathVariable String brand, BrandScope scope, Model model) {
		Campaigns.requireInScope(scope, brand, "new");
		return form(model, brand, null, CampaignForm.blank(), Map.of(), null);
	}

	@PostMapping("/brands/{brand}/campaigns")
	String created(@PathVariable String brand, @ModelAttribute CampaignForm form, BrandScope scope,
			Principal person, Model model) {
		Campaigns.requireInScope(scope, brand, "new");
		String id = (form.id() != null) ? form.id().trim() : "";
		if (!id.isEmpty() && this.campaigns.definition(brand, id).isPresent()) {
			return form(model, brand, null, form, Map.of("id", "names a campaign that exists already; edit it instead"),
					null);
		}
		return save(model, brand, null, form, person);
	}

	@GetMapping("/brands/{brand}/campaigns/{id}/edit")
	String edit(@PathVariable String brand, @PathVariable String id, BrandScope scope, Model model) {
		CampaignDefined campaign = defined(scope, brand, id);
		return form(model, brand, id, CampaignForm.of(campaign), Map.of(), null);
	}

	@PostMapping("/brands/{brand}/campaigns/{id}")
	String edited(@PathVariable String brand, @PathVariable String id, @ModelAttribute CampaignForm form,
			BrandScope scope, Principal person, Model model) {
		defined(scope, brand, id);
		// the id is the campaign's key: an edit never moves it
		CampaignForm kept = new CampaignForm(id, form.name(), form.kind(), form.startDate(), form.endDate(),
				form.channels(), form.spend(), form.currency(), form.note());
		return save(model, brand, id, kept, person);
	}

	@GetMapping("/brands/{brand}/campaigns/{id}/delete")
	String delete(@PathVariable String brand, @PathVariable String id, BrandScope scope, Model model) {
		model.addAttribute("campaign", defined(scope, brand, id));
		return "campaign-delete";
	}

	@PostMapping("/brands/{brand}/campaigns/{id}/delete")
	String deleted(@PathVariable String brand, @PathVariable String id, BrandScope scope, Model model) {
		CampaignDefined campaign = defined(scope, brand, id);
		try {
			this.writer.write(CampaignDefined.key(brand, id), null);
		}
		catch (CampaignWriteFailedException ex) {
			model.addAttribute("campaign", campaign);
			model.addAttribute("failure", ex.getMessage());
			return "campaign-delete";
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/campaigns")
			.queryParam("deleted", brand + "/" + id)
			.build()
			.toUriString();
	}

	@ExceptionHandler
	ModelAndView campaignNotFound(CampaignNotFoundException ex) {
		ModelAndView page = new ModelAndView("campaign-not-found");
		page.addObject("brand", ex.brand());
		page.addObject("id", ex.id());
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	private CampaignDefined defined(BrandScope scope, String brand, String id) {
		Campaigns.requireInScope(scope, brand, id);
		return this.campaigns.definition(brand, id).orElseThrow(() -> new CampaignNotFoundException(brand, id));
	}

	private String save(Model model, String brand, String id, CampaignForm form, Principal person) {
		CampaignForm.Parsed parsed = form.toCampaign(brand, this.clock.instant(), person.getName());
		if (!parsed.errors().isEmpty()) {
			return form(model, brand, id, form, parsed.errors(), null);
		}
		CampaignDefined campaign = parsed.campaign();
		try {
			this.writer.write(campaign.key(), campaign);
		}
		catch (CampaignWriteFailedException ex) {
			return form(model, brand, id, form, Map.of(), "The campaign was not saved: " + ex.getMessage()
					+ ". Nothing was written; try again in a moment.");
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/brands/{brand}/campaigns/{id}")
			.queryParam("saved", "")
			.buildAndExpand(brand, campaign.id())
			.encode()
			.toUriString();
	}

	private static String form(Model model, String brand, String id, CampaignForm form, Map<String, String> errors,
			String failure) {
		model.addAttribute("brand", brand);
		model.addAttribute("editing", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("failure", failure);
		return "campaign-form";
	}

}
