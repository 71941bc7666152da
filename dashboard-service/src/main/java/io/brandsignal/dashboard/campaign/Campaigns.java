package io.brandsignal.dashboard.campaign;

import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.dashboard.readmodel.CampaignChanged;
import io.brandsignal.dashboard.readmodel.CampaignFilter;
import io.brandsignal.dashboard.readmodel.CampaignRow;
import io.brandsignal.dashboard.readmodel.CampaignSort;
import io.brandsignal.dashboard.readmodel.CampaignStore;
import io.brandsignal.dashboard.readmodel.CampaignStore.BrandCampaign;
import io.brandsignal.dashboard.readmodel.ReadCache;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What the dashboard knows about campaigns: their definitions and measured lift from the read model, as the
 * campaign page, the brand page's bands and the portfolio show them, always within the caller's scope.
 */
@Service
public class Campaigns {

	/** The most rows one CSV export holds. */
	public static final int MAX_EXPORT_ROWS = 10_000;

	private static final int MAX_CACHED_BRANDS = 1000;

	private final CampaignStore store;

	private final ReadCache<String, List<BrandCampaign>> ofBrand = ReadCache.bounded(MAX_CACHED_BRANDS);

	public Campaigns(CampaignStore store) {
		this.store = store;
	}

	/**
	 * The campaign as its page shows it.
	 * @throws CampaignNotFoundException when it is neither defined nor scored, or its brand is out of scope
	 */
	public CampaignView view(BrandScope scope, String brand, String id) {
		requireInScope(scope, brand, id);
		CampaignDefined definition = this.store.findDefinition(brand, id).orElse(null);
		CampaignScored result = this.store.findResult(brand, id).orElse(null);
		if (definition == null && result == null) {
			throw new CampaignNotFoundException(brand, id);
		}
		return CampaignView.of(definition, result);
	}

	/**
	 * The campaign's latest result.
	 * @throws CampaignNotFoundException when it has none, or its brand is out of scope
	 */
	public CampaignScored result(BrandScope scope, String brand, String id) {
		requireInScope(scope, brand, id);
		return this.store.findResult(brand, id).orElseThrow(() -> new CampaignNotFoundException(brand, id));
	}

	/** The campaign as last defined, if it is (the caller's scope is the caller's to check). */
	public Optional<CampaignDefined> definition(String brand, String id) {
		return this.store.findDefinition(brand, id);
	}

	/**
	 * The brand's campaigns for its page, latest first. Kept per brand until one of its campaigns changes,
	 * since the brand page is asked for far more often.
	 */
	public List<BrandCampaign> ofBrand(String brand) {
		return this.ofBrand.get(brand, this.store::ofBrand);
	}

	/** One page of the scored campaigns the caller may see, in the order asked for, read as one page. */
	public List<CampaignRow> page(CampaignFilter filter, CampaignSort sort, BrandScope scope, int limit,
			long offset) {
		return this.store.page(filter, sort, scope, limit, offset);
	}

	/** How many scored campaigns the caller may see pass the filter. */
	public int count(CampaignFilter filter, BrandScope scope) {
		return this.store.count(filter, scope);
	}

	/** The scored campaigns for an export: the first {@link #MAX_EXPORT_ROWS} of the filter and scope. */
	public List<CampaignRow> export(CampaignFilter filter, CampaignSort sort, BrandScope scope) {
		return this.store.page(filter, sort, scope, MAX_EXPORT_ROWS, 0);
	}

	@EventListener
	void onCampaignChanged(CampaignChanged changed) {
		this.ofBrand.evict(changed.brand());
	}

	/**
	 * Refuses a campaign of a brand outside the caller's scope exactly as an unknown one.
	 * @throws CampaignNotFoundException when the brand is outside the scope
	 */
	public static void requireInScope(BrandScope scope, String brand, String id) {
		if (!scope.includes(brand)) {
			throw new CampaignNotFoundException(brand, id);
		}
	}

	/** The view of a page's scored campaigns as a scatter. */
	public static PortfolioChart chart(List<CampaignRow> rows) {
		return PortfolioChart.of(rows);
	}

}
