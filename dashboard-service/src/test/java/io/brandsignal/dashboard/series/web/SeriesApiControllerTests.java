package io.brandsignal.dashboard.series.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.MetricValue;
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.series.SeriesService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SeriesApiController.class)
@WebSliceTest
@Import(SeriesService.class)
class SeriesApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RollupStore rollups;

	@MockitoBean
	private Brands brands;

	@Test
	void answersSeriesAndCsvOfABrandOutsideTheKeysScopeAsUnknownWithoutReadingThem() throws Exception {
		given(this.rollups.latestDay("globex")).willReturn(Optional.of(day("2026-11-20")));

		for (String path : new String[] { "/api/v1/brands/globex/series", "/api/v1/brands/globex/series.csv" }) {
			this.mvc.perform(get(path).header("Authorization", "Bearer bsr_test_acme_key"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unknown-brand"));
		}
		verify(this.rollups, never()).values(any(), any(), any());
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWhileTheDatabaseIsAway() throws Exception {
		given(this.rollups.latestDay("acme")).willReturn(Optional.of(day("2026-11-20")));
		// a range of its own, so no series kept by another test answers it
		given(this.rollups.values("acme", day("2020-01-01"), day("2020-01-02")))
			.willThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

		this.mvc
			.perform(get("/api/v1/brands/acme/series?from=2020-01-01&to=2020-01-02")
				.header("Authorization", "Bearer bsr_test_acme_key"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:database-unavailable"));
	}

	@Test
	void readKeyReadsTheSeriesOfItsBrand() throws Exception {
		given(this.rollups.latestDay("acme")).willReturn(Optional.of(day("2026-11-20")));
		given(this.rollups.values("acme", day("2026-11-20"), day("2026-11-20")))
			.willReturn(List.of(value("2026-11-20", "followers", 1000)));

		this.mvc.perform(get("/api/v1/brands/acme/series.csv?days=1").header("Authorization", "Bearer bsr_test_acme_key"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("acme,2026-11-20,followers,")));
	}

	@Test
	void servesDailyValuesPerMetricAndIndexedGrowthOfTheRange() throws Exception {
		given(this.rollups.latestDay("acme")).willReturn(Optional.of(day("2026-11-20")));
		given(this.rollups.values("acme", day("2026-11-18"), day("2026-11-20"))).willReturn(List.of(
				value("2026-11-18", "followers", 1000), value("2026-11-18", "sales_revenue", 50),
				value("2026-11-19", "followers", 1100), value("2026-11-20", "followers", 1210),
				value("2026-11-20", "sales_revenue", 60)));

		// followers 1000 -> 1100 -> 1210 index 100, 110, 121; sales 50, (none, carried), 60 index 100, 100, 120.
		this.mvc.perform(get("/api/v1/brands/acme/series?from=2026-11-18&to=2026-11-20").with(tester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-11-18"))
			.andExpect(jsonPath("$.to").value("2026-11-20"))
			.andExpect(jsonPath("$.dates").value(contains("2026-11-18", "2026-11-19", "2026-11-20")))
			.andExpect(jsonPath("$.metrics[0].metric").value("followers"))
			.andExpect(jsonPath("$.metrics[0].category").value("VANITY"))
			.andExpect(jsonPath("$.metrics[0].values").value(contains(1000.0, 1100.0, 1210.0)))
			.andExpect(jsonPath("$.metrics[1].metric").value("sales_revenue"))
			.andExpect(jsonPath("$.metrics[1].category").value("OUTCOME"))
			.andExpect(jsonPath("$.metrics[1].values").value(contains(50.0, null, 60.0)))
			.andExpect(jsonPath("$.indexed.audience").value(contains(100.0, 110.0, 121.0)))
			.andExpect(jsonPath("$.indexed.outcomes").value(contains(100.0, 100.0, 120.0)));
	}

	@Test
	void defaultsToTheTwentyEightDaysEndingOnTheBrandsLatestDay() throws Exception {
		given(this.rollups.latestDay("acme")).willReturn(Optional.of(day("2026-11-20")));

		this.mvc.perform(get("/api/v1/brands/acme/series").with(tester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-10-24"))
			.andExpect(jsonPath("$.to").value("2026-11-20"));
		verify(this.rollups).values("acme", day("2026-10-24"), day("2026-11-20"));
	}

	@Test
	void answersMalformedDateWithBadRequestProblem() throws Exception {
		given(this.rollups.latestDay("acme")).willReturn(Optional.of(day("2026-11-20")));

		this.mvc.perform(get("/api/v1/brands/acme/series?from=2026-13-01").with(tester()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:invalid-date-range"))
			.andExpect(jsonPath("$.title").value("Invalid date range"))
			.andExpect(jsonPath("$.detail").value("'from' must be an ISO date such as 2026-11-20."));
	}

	@Test
	void answersReversedRangeWithBadRequestProblem() throws Exception {
		given(this.rollups.latestDay("acme")).willReturn(Optional.of(day("2026-11-20")));

		this.mvc.perform(get("/api/v1/brands/acme/series.csv?from=2026-11-20&to=2026-11-01").with(tester()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("'from' (2026-11-20) must not be after 'to' (2026-11-01)."));
	}

	@Test
	void answersUnknownBrandWithNotFoundProblemForJsonAndCsv() throws Exception {
		given(this.rollups.latestDay("nobody")).willReturn(Optional.empty());
		given(this.brands.exists("nobody")).willReturn(false);

		this.mvc.perform(get("/api/v1/brands/nobody/series").with(tester()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/brands/nobody/series.csv").with(tester()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unknown-brand"))
			.andExpect(jsonPath("$.title").value("Unknown brand"));
	}

	@Test
	void writesCsvWithFormulaLikeTextCellsDefused() throws Exception {
		given(this.rollups.latestDay("-acme")).willReturn(Optional.of(day("2026-11-20")));
		given(this.rollups.values("-acme", day("2026-11-19"), day("2026-11-20"))).willReturn(List.of(
				new MetricValue("-acme", day("2026-11-19"), "=HYPERLINK(\"http://x\",\"y\")", 5),
				new MetricValue("-acme", day("2026-11-19"), "nps", -12.5),
				new MetricValue("-acme", day("2026-11-20"), "nps", 40)));

		this.mvc.perform(get("/api/v1/brands/-acme/series.csv?from=2026-11-19&to=2026-11-20").with(tester()))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"-acme-2026-11-19-2026-11-20.csv\""))
			.andExpect(content().string("brand,date,metric,category,unit,value\r\n"
					+ "'-acme,2026-11-19,nps,OUTCOME,score,-12.5\r\n"
					+ "'-acme,2026-11-20,nps,OUTCOME,score,40\r\n"
					+ "'-acme,2026-11-19,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,count,5\r\n"));
	}

	private static RequestPostProcessor tester() {
		return httpBasic("tester", "test-password");
	}

	private static MetricValue value(String date, String metric, double value) {
		return new MetricValue("acme", day(date), metric, value);
	}

	private static LocalDate day(String date) {
		return LocalDate.parse(date);
	}


}
