package io.brandsignal.systemtests.security;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads RFC 9457 problem details ({@code application/problem+json}) from the services' answers.
 */
final class Problems {

	private static final JsonMapper json = JsonMapper.builder().build();

	private Problems() {
	}

	/** Asserts the answer is a problem of this status and kind ({@code urn:brandsignal:problem:<kind>}), and returns it. */
	static JsonNode assertProblem(HttpResponse<String> response, int status, String kind) {
		assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asString()).isEqualTo("urn:brandsignal:problem:" + kind);
		return problem;
	}

	/** Parses a JSON body. */
	static JsonNode read(String body) {
		return json.readTree(body);
	}

}
