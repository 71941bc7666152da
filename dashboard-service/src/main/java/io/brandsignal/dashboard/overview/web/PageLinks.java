package io.brandsignal.dashboard.overview.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The links between the pages of the leaderboard: previous and next, and the numbered pages near the
 * current one plus the first and the last, so a reader can jump without ever seeing hundreds of links.
 *
 * @param summary which brands this page shows, in words, such as {@code Brands 51–100 of 230}
 * @param previous the page before, {@code null} on the first
 * @param next the page after, {@code null} on the last
 * @param pages numbered pages in order; a {@code null} href marks a gap (an ellipsis)
 */
record PageLinks(String summary, Link previous, Link next, List<Link> pages) {

	/** Pages shown on either side of the current one. */
	private static final int AROUND = 2;

	/**
	 * The links of a page.
	 * @param total how many rows there are in all
	 * @param limit rows per page
	 * @param offset rows before this page
	 * @param href the link to the page that starts at an offset
	 */
	static PageLinks of(int total, int limit, int offset, IntFunction<String> href) {
		String summary;
		if (total == 0) {
			summary = "No brands";
		}
		else if (offset >= total) {
			summary = "No brands on this page, " + total + " in all";
		}
		else {
			summary = "Brands " + (offset + 1) + "–" + Math.min(total, offset + limit) + " of " + total;
		}
		Link previous = (offset > 0) ? new Link("Previous", href.apply(Math.max(0, offset - limit)), false) : null;
		Link next = (offset + (long) limit < total) ? new Link("Next", href.apply(offset + limit), false) : null;
		int pageCount = (total + limit - 1) / limit;
		// an offset between two pages' starts or past the end (typed by hand) is on no numbered page
		int current = (offset % limit == 0 && offset < total) ? offset / limit : -1;
		List<Link> pages = new ArrayList<>();
		if (pageCount > 1) {
			int lastShown = -1;
			for (int page = 0; page < pageCount; page++) {
				boolean near = current >= 0 && Math.abs(page - current) <= AROUND;
				if (page == 0 || page == pageCount - 1 || near || (current < 0 && page <= AROUND)) {
					if (lastShown >= 0 && page > lastShown + 1) {
						pages.add(new Link("…", null, false));
					}
					pages.add(new Link(Integer.toString(page + 1), href.apply(page * limit), page == current));
					lastShown = page;
				}
			}
		}
		return new PageLinks(summary, previous, next, List.copyOf(pages));
	}

	/**
	 * One link.
	 *
	 * @param label its words
	 * @param href where it leads, {@code null} for a gap
	 * @param current whether it is the page shown
	 */
	record Link(String label, String href, boolean current) {
	}

}
