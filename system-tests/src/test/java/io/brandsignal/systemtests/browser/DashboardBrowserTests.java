package io.brandsignal.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ObservationsJson;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static io.brandsignal.systemtests.SystemTestStack.getFromDashboard;
import static io.brandsignal.systemtests.SystemTestStack.postObservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The marketing team's dashboard in a real headless Chromium (Debian's, driven through Debian's
 * chromedriver) against the whole stack: log in, see every seeded brand on the quadrant, open a brand
 * whose charts really drew, download its CSV, and watch the page update by itself after an observation
 * is posted through ingest-service. Screenshots go to {@code target/screenshots}.
 */
class DashboardBrowserTests {

	private static final LocalDate START = LocalDate.of(2026, 9, 1);

	private static final int DAYS = 28;

	private static final List<String> BRANDS = List.of("browser-trap", "browser-builder", "browser-quiet");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static LocalStack stack;

	private static WebDriver browser;

	private static Path downloads;

	@BeforeAll
	static void seedBrandsAndOpenBrowser() throws IOException {
		stack = SystemTestStack.get();
		// followers 1000 -> 1540 for the trap and the builder (+54%); the trap's sales stay at 100 a day, the
		// builder's rise to 150 halfway; the quiet performer's followers stay at 1000 while its sales climb.
		String seed = new ObservationsJson()
			.daily("browser-trap", "followers", "instagram", START, DAYS, (day) -> 1000 + 20 * day)
			.daily("browser-trap", "sales_revenue", "shop", START, DAYS, (day) -> 100)
			.daily("browser-builder", "followers", "instagram", START, DAYS, (day) -> 1000 + 20 * day)
			.daily("browser-builder", "sales_revenue", "shop", START, DAYS, (day) -> (day < 14) ? 100 : 150)
			.daily("browser-quiet", "followers", "instagram", START, DAYS, (day) -> 1000)
			.daily("browser-quiet", "sales_revenue", "shop", START, DAYS, (day) -> 100 + 3 * day)
			.toString();
		assertThat(postObservations(stack, seed).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(BRANDS).allSatisfy((brand) -> assertThat(
					getFromDashboard(stack, "/api/v1/brands/" + brand + "/scorecard").statusCode())
				.isEqualTo(200)));

		Files.createDirectories(SCREENSHOTS);
		downloads = Files.createTempDirectory("dashboard-downloads");
		browser = chromium(downloads);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void showsSeededBrandsChartsCsvAndLiveUpdatesToALoggedInMarketer() throws IOException {
		browser.get(stack.dashboardUrl().resolve("/").toString());
		waitUntil((driver) -> !driver.findElements(By.id("username")).isEmpty());
		screenshot("01-login");
		browser.findElement(By.id("username")).sendKeys(SystemTestStack.CREDENTIALS.demoUser());
		browser.findElement(By.id("password")).sendKeys(SystemTestStack.CREDENTIALS.demoPassword());
		browser.findElement(By.cssSelector("form button[type=submit]")).click();

		// The quadrant's own data: every seeded brand is a point on the chart.
		waitUntil((driver) -> plottedBrands().containsAll(BRANDS));
		assertThat(canvasPaintedPixels("#quadrant canvas")).isPositive();
		assertThat(browser.findElement(By.id("leaderboard")).getText()).contains(BRANDS);
		screenshot("02-overview");

		browser.findElement(By.linkText("browser-trap")).click();
		waitUntil((driver) -> canvasPaintedPixels("#growth-chart canvas") > 0);
		waitUntil((driver) -> driver.findElements(By.cssSelector("#multiples canvas")).size() >= 2);
		assertThat(browser.getCurrentUrl()).endsWith("/brands/browser-trap");
		assertThat(browser.findElement(By.id("explanation")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("range-label")).getText())
			.isEqualTo("Showing 2026-09-01 to 2026-09-28.");
		screenshot("03-brand");

		browser.findElement(By.id("csv-link")).click();
		Path csv = awaitDownload();
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("brand,date,metric,category,unit,value");
		assertThat(lines).contains("browser-trap,2026-09-01,followers,VANITY,count,1000",
				"browser-trap,2026-09-28,followers,VANITY,count,1540",
				"browser-trap,2026-09-28,sales_revenue,OUTCOME,currency,100");

		// A marker that a reload would wipe out: the update must arrive through the open page.
		((JavascriptExecutor) browser).executeScript("window.brandsignalNoReload = true;");
		String nextDay = new ObservationsJson()
			.daily("browser-trap", "followers", "instagram", START.plusDays(DAYS), 1, (day) -> 1560)
			.daily("browser-trap", "sales_revenue", "shop", START.plusDays(DAYS), 1, (day) -> 100)
			.toString();
		assertThat(postObservations(stack, nextDay).statusCode()).isEqualTo(202);
		new WebDriverWait(browser, Duration.ofSeconds(60)).until((driver) -> driver.findElement(By.id("range-label"))
			.getText()
			.equals("Showing 2026-09-02 to 2026-09-29."));
		waitUntil((driver) -> driver.findElement(By.id("scorecard")).getText().contains("2026-09-29"));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.brandsignalNoReload === true;"))
			.isEqualTo(true);
		screenshot("04-live-update");
	}

	/**
	 * Issue 12, finding 7: a live change costs an open overview one request for the one row it shows, and
	 * nothing but a reload note for a brand on another page; the page never refetches whole.
	 */
	@Test
	void refreshesOnlyTheRowItShowsWhenABrandChanges() {
		try {
			refreshesOnlyTheShownRow();
		}
		finally {
			// signed out again, so the other test finds the login form whichever runs first
			browser.manage().deleteAllCookies();
		}
	}

	private static void refreshesOnlyTheShownRow() {
		// by name, "000-live-shown" comes before every other brand: a page of one brand shows it alone
		String shown = "000-live-shown";
		String elsewhere = "001-live-elsewhere";
		ObservationsJson seed = new ObservationsJson();
		for (String brand : List.of(shown, elsewhere)) {
			seed.daily(brand, "followers", "instagram", START, DAYS, (day) -> 1000 + 20 * day)
				.daily(brand, "sales_revenue", "shop", START, DAYS, (day) -> 100);
		}
		assertThat(postObservations(stack, seed.toString()).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
				List.of(shown, elsewhere)).allSatisfy((brand) -> assertThat(
						getFromDashboard(stack, "/api/v1/brands/" + brand + "/scorecard").statusCode())
					.isEqualTo(200)));
		browser.get(stack.dashboardUrl().resolve("/?sort=brand&limit=1").toString());
		if (!browser.findElements(By.id("username")).isEmpty()) {
			browser.findElement(By.id("username")).sendKeys(SystemTestStack.CREDENTIALS.demoUser());
			browser.findElement(By.id("password")).sendKeys(SystemTestStack.CREDENTIALS.demoPassword());
			browser.findElement(By.cssSelector("form button[type=submit]")).click();
		}
		// the quadrant plots the page's brand only (its error bars are points without a brand)
		waitUntil((driver) -> plottedBrands().contains(shown));
		assertThat(plottedBrands()).filteredOn(Objects::nonNull).containsExactly(shown);
		assertThat(browser.findElements(By.cssSelector("#leaderboard tr[data-brand]"))).hasSize(1);
		waitUntil((driver) -> driver.findElement(By.id("live-status")).getText().equals("Live updates: on"));
		String sparkline = sparklineOf(shown);
		((JavascriptExecutor) browser).executeScript("window.brandsignalNoReload = true;");

		post(elsewhere, 3000);
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until((driver) -> driver.findElement(By.id("leaderboard-stale")).isDisplayed());
		assertThat(requests("/fragments/leaderboard/rows/")).isZero();

		post(shown, 3000);
		new WebDriverWait(browser, Duration.ofSeconds(60)).until((driver) -> !sparklineOf(shown).equals(sparkline));
		assertThat(requests("/fragments/leaderboard/rows/" + shown)).isPositive();
		assertThat(requests("/fragments/leaderboard/rows/" + elsewhere)).isZero();
		// the brands API once, when the page loaded; the whole leaderboard never
		assertThat(requests("/api/v1/brands?")).isEqualTo(1);
		assertThat(requests("/fragments/leaderboard?")).isZero();
		assertThat(((JavascriptExecutor) browser).executeScript("return window.brandsignalNoReload === true;"))
			.isEqualTo(true);
		screenshot("05-live-row");
	}

	private static void post(String brand, int followers) {
		String nextDay = new ObservationsJson()
			.daily(brand, "followers", "instagram", START.plusDays(DAYS), 1, (day) -> followers)
			.daily(brand, "sales_revenue", "shop", START.plusDays(DAYS), 1, (day) -> 100)
			.toString();
		assertThat(postObservations(stack, nextDay).statusCode()).isEqualTo(202);
	}

	private static String sparklineOf(String brand) {
		return browser.findElement(By.cssSelector("#leaderboard tr[data-brand='" + brand + "'] svg"))
			.getAttribute("aria-label");
	}

	/** How many requests the page made to URLs that contain the text, from the browser's own timings. */
	private static long requests(String urlPart) {
		Object count = ((JavascriptExecutor) browser).executeScript("""
				var part = arguments[0];
				return performance.getEntriesByType('resource')
				  .filter(function (entry) { return entry.name.indexOf(part) >= 0; }).length;
				""", urlPart);
		return ((Number) count).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<String> plottedBrands() {
		Object brands = ((JavascriptExecutor) browser).executeScript("""
				var element = document.getElementById('quadrant');
				var chart = window.echarts && element && echarts.getInstanceByDom(element);
				if (!chart) { return []; }
				var names = [];
				chart.getOption().series.forEach(function (series) {
				  (series.data || []).forEach(function (point) { names.push(point.brand); });
				});
				return names;
				""");
		return (List<String>) brands;
	}

	/** Pixels of the first matching canvas that something was drawn on (not fully transparent). */
	private static long canvasPaintedPixels(String selector) {
		Object painted = ((JavascriptExecutor) browser).executeScript("""
				var canvas = document.querySelector(arguments[0]);
				if (!canvas || canvas.width === 0 || canvas.height === 0) { return 0; }
				var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				var count = 0;
				for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { count++; } }
				return count;
				""", selector);
		return ((Number) painted).longValue();
	}

	private static Path awaitDownload() {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			try (Stream<Path> files = Files.list(downloads)) {
				return files.filter((file) -> file.getFileName().toString().endsWith(".csv")).findFirst();
			}
		}, Optional::isPresent).orElseThrow();
	}

	private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
	}

	private static void screenshot(String name) {
		try {
			Files.write(SCREENSHOTS.resolve("dashboard-" + name + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static WebDriver chromium(Path downloadDirectory) throws IOException {
		String chromedriver = findOnPath("chromedriver");
		System.setProperty("webdriver.chrome.driver", chromedriver);
		ChromeOptions options = new ChromeOptions();
		findBrowser().ifPresent(options::setBinary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,2000",
				"--user-data-dir=" + Files.createTempDirectory("dashboard-chromium-profile").toAbsolutePath());
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloadDirectory.toAbsolutePath()
			.toString(), "download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver).toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static Optional<String> findBrowser() {
		return Stream.of("chromium", "chromium-browser")
			.map(DashboardBrowserTests::onPath)
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static String findOnPath(String command) {
		return onPath(command).orElseThrow(() -> new IllegalStateException(
				command + " is not on the PATH; ./test.sh installs it (Debian packages chromium, chromium-driver)"));
	}

	private static Optional<String> onPath(String command) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate.toString());
			}
		}
		return Optional.empty();
	}

}
