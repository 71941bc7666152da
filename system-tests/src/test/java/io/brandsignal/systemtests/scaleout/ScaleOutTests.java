package io.brandsignal.systemtests.scaleout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.brandsignal.launcher.ExtraInstances;
import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ObservationsJson;
import io.brandsignal.systemtests.SystemTestStack;
import io.brandsignal.systemtests.security.CsrfToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.brandsignal.systemtests.SystemTestStack.postObservations;
import static io.brandsignal.systemtests.SystemTestStack.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of scoring-service and of dashboard-service on one broker and one database, as an
 * operator scales them out: the scoring instances split the observation partitions (each with its own
 * state directory) and score brands of every partition; when one stops, the other takes its partitions
 * over and goes on scoring without losing or double-counting a change; a login on one dashboard instance
 * holds on the other, and a change reaches live streams on both.
 */
class ScaleOutTests {

	private static final LocalDate START = LocalDate.of(2026, 6, 1);

	private static final Duration HANDOVER = Duration.ofSeconds(90);

	private static final String SECOND_SCORING = "scale-out-scoring-b";

	@TempDir
	Path secondState;

	@Test
	void twoInstancesShareTheWorkAndTheSurvivorTakesOverWithoutLosingOrDoublingAChange() {
		LocalStack stack = SystemTestStack.get();
		long started = System.nanoTime();
		List<String> brands = ScoringGroup.oneBrandPerPartition("scale-out-");
		try (ScoringGroup group = new ScoringGroup(stack.kafkaBootstrapServers());
				ExtraInstances.Instance dashboardB = ExtraInstances.dashboard(stack, "dashboard-service-b")) {
			ExtraInstances.Instance scoringB = ExtraInstances.scoring(stack, SECOND_SCORING, this.secondState, List.of());
			try {
				CompletableFuture.allOf(CompletableFuture.runAsync(scoringB::awaitReady),
						CompletableFuture.runAsync(dashboardB::awaitReady)).join();
				progress(started, "second scoring and dashboard instances ready");
				await().atMost(HANDOVER).untilAsserted(() -> assertSplitAcrossTwoInstances(group.observationPartitionsByMember()));
				progress(started, "partitions split " + group.observationPartitionsByMember());

				String basic = SystemTestStack.basicAuthorization();
				try (LiveStream onA = LiveStream.open(stack.dashboardUrl(), basic);
						LiveStream onB = LiveStream.open(dashboardB.url(), basic)) {
					// Days 0..2: sales 100 a day; day 1 posted twice with the same value (an upsert, never a sum).
					for (String brand : brands) {
						accepted(postObservations(stack, new ObservationsJson()
							.daily(brand, "sales_revenue", "shop", START, 3, (day) -> 100)
							.daily(brand, "sales_revenue", "shop", START.plusDays(1), 1, (day) -> 100)
							.toString()));
					}
					for (String brand : brands) {
						SystemTestStack.awaitScorecard(stack, brand,
								(card) -> assertThat(card.get("asOf").asString()).isEqualTo(START.plusDays(2).toString()));
					}
					await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
						for (String brand : brands) {
							assertThat(onA.data()).as("stream on dashboard A").anyMatch((data) -> data.contains("\"" + brand + "\""));
							assertThat(onB.data()).as("stream on dashboard B").anyMatch((data) -> data.contains("\"" + brand + "\""));
						}
					});
				}
				assertThat(processedBy(scoringB.url())).as("observations scored by the second instance").isPositive();

				assertLoginOnOneDashboardHoldsOnTheOther(stack.dashboardUrl(), dashboardB.url());
			}
			finally {
				scoringB.close();
			}
			long stopped = System.nanoTime();

			// The survivor takes every partition over (the stopped instance left the group on its way out) ...
			await().atMost(HANDOVER).untilAsserted(() -> assertThat(group.observationPartitionsByMember())
				.hasSize(1)
				.allSatisfy((member, partitions) -> assertThat(partitions).hasSize(ScoringGroup.PARTITIONS)));
			progress(stopped, "survivor holds every partition after the graceful stop");
			// ... and scores on from the state the stopped one left: day 2 replaced by 150, day 3 new.
			for (String brand : brands) {
				accepted(postObservations(stack, new ObservationsJson()
					.daily(brand, "sales_revenue", "shop", START.plusDays(2), 1, (day) -> 150)
					.daily(brand, "sales_revenue", "shop", START.plusDays(3), 1, (day) -> 100)
					.toString()));
			}
			for (String brand : brands) {
				SystemTestStack.awaitScorecard(stack, brand,
						(card) -> assertThat(card.get("asOf").asString()).isEqualTo(START.plusDays(3).toString()));
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(salesByDay(stack, brand))
					.as(brand + ": every day once, with its last value")
					.isEqualTo(List.of("2026-06-01=100", "2026-06-02=100", "2026-06-03=150", "2026-06-04=100")));
			}
		}
	}

	private static void progress(long since, String what) {
		System.out.printf(Locale.ROOT, "[scale-out] %.1f s: %s%n", (System.nanoTime() - since) / 1e9, what);
	}

	private static void assertSplitAcrossTwoInstances(Map<String, Set<Integer>> partitionsByMember) {
		assertThat(partitionsByMember).hasSize(2);
		assertThat(partitionsByMember).anySatisfy((member, partitions) -> {
			assertThat(member).startsWith(SECOND_SCORING);
			assertThat(partitions).isNotEmpty();
		});
		assertThat(partitionsByMember).anySatisfy((member, partitions) -> {
			assertThat(member).doesNotStartWith(SECOND_SCORING);
			assertThat(partitions).isNotEmpty();
		});
		Set<Integer> all = new HashSet<>();
		partitionsByMember.values().forEach(all::addAll);
		assertThat(all).hasSize(ScoringGroup.PARTITIONS);
	}

	/** Logs in with the form on A and uses the session cookie alone on B, for a page and for the API. */
	private static void assertLoginOnOneDashboardHoldsOnTheOther(URI dashboardA, URI dashboardB) {
		HttpResponse<String> form = send(HttpRequest.newBuilder(dashboardA.resolve("/login")).header("Accept", "text/html").build());
		String anonymousSession = sessionCookie(form);
		HttpResponse<String> login = send(HttpRequest.newBuilder(dashboardA.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", anonymousSession)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(SystemTestStack.CREDENTIALS.demoUser())
					+ "&password=" + encode(SystemTestStack.CREDENTIALS.demoPassword()) + "&_csrf="
					+ encode(CsrfToken.in(form.body()))))
			.build());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).doesNotContain("/login"));
		String session = sessionCookie(login);

		assertThat(send(withCookie(dashboardB.resolve("/api/v1/brands"), session)).statusCode()).isEqualTo(200);
		HttpResponse<String> page = send(withCookie(dashboardB.resolve("/"), session));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("name=\"password\"");
		assertThat(send(HttpRequest.newBuilder(dashboardB.resolve("/api/v1/brands")).build()).statusCode())
			.as("without the cookie")
			.isEqualTo(401);
	}

	private static HttpRequest withCookie(URI url, String cookie) {
		return HttpRequest.newBuilder(url).header("Cookie", cookie).header("Accept", "text/html,application/json").build();
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.split(";")[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
	}

	/** The brand's daily sales from the dashboard's CSV export, as {@code date=value}. */
	private static List<String> salesByDay(LocalStack stack, String brand) {
		HttpResponse<String> csv = send(HttpRequest
			.newBuilder(stack.dashboardUrl().resolve("/api/v1/brands/" + brand + "/series.csv?from=2026-06-01&to=2026-06-04"))
			.header("Authorization", SystemTestStack.basicAuthorization())
			.header("Accept", "text/csv")
			.build());
		assertThat(csv.statusCode()).isEqualTo(200);
		List<String> days = new ArrayList<>();
		for (String line : csv.body().split("\r\n")) {
			String[] cells = line.split(",");
			if (cells.length == 6 && cells[2].equals("sales_revenue")) {
				days.add(cells[1] + "=" + cells[5]);
			}
		}
		return days;
	}

	/** The second scoring instance's count of observations it processed, from its Prometheus endpoint. */
	private static double processedBy(URI scoring) {
		HttpResponse<String> metrics = send(HttpRequest.newBuilder(scoring.resolve("/actuator/prometheus")).build());
		return metrics.body()
			.lines()
			.filter((line) -> line.startsWith("brandsignal_scoring_observations_processed_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static void accepted(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
