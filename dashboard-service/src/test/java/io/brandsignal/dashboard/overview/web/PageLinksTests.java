package io.brandsignal.dashboard.overview.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTests {

	@Test
	void linksTheFirstTheLastAndTheTwoPagesEitherSideOfTheCurrentOne() {
		// 1,000 brands at 50 a page: 20 pages; page 10 (offset 450) shown
		PageLinks links = PageLinks.of(1000, 50, 450, (offset) -> "o" + offset);

		assertThat(links.summary()).isEqualTo("Brands 451–500 of 1000");
		assertThat(links.previous().href()).isEqualTo("o400");
		assertThat(links.next().href()).isEqualTo("o500");
		assertThat(links.pages()).extracting(PageLinks.Link::label)
			.containsExactly("1", "…", "8", "9", "10", "11", "12", "…", "20");
		assertThat(links.pages()).filteredOn(PageLinks.Link::current)
			.extracting(PageLinks.Link::href)
			.containsExactly("o450");
		assertThat(links.pages().get(8).href()).isEqualTo("o950");
	}

	@Test
	void hasNoLinksWhenEverythingFitsOnePage() {
		PageLinks links = PageLinks.of(3, 50, 0, (offset) -> "o" + offset);

		assertThat(links.summary()).isEqualTo("Brands 1–3 of 3");
		assertThat(links.previous()).isNull();
		assertThat(links.next()).isNull();
		assertThat(links.pages()).isEmpty();
	}

	@Test
	void leadsBackFromAnOffsetPastTheEnd() {
		PageLinks links = PageLinks.of(120, 50, 500, (offset) -> "o" + offset);

		assertThat(links.summary()).isEqualTo("No brands on this page, 120 in all");
		assertThat(links.previous().href()).isEqualTo("o450");
		assertThat(links.next()).isNull();
		// pages 1 to 3 (offsets 0, 50, 100), none of them current
		assertThat(links.pages()).extracting(PageLinks.Link::href).containsExactly("o0", "o50", "o100");
		assertThat(links.pages()).noneMatch(PageLinks.Link::current);
	}

}
