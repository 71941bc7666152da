package io.brandsignal.dashboard;

import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the dashboard API, served at {@code /v3/api-docs} (login required). Every
 * operation takes a read key ({@code readKey}, bearer) or a dashboard user's HTTP Basic
 * ({@code basic}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// the caller's brands come from the login, never from the request: no parameter to document
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(BrandScope.class);
	}

	private static final String PROBLEM = "Problem";

	private static final List<SecurityRequirement> READ_KEY_OR_BASIC = List
		.of(new SecurityRequirement().addList("readKey"), new SecurityRequirement().addList("basic"));

	@Bean
	OpenAPI dashboardApi() {
		return new OpenAPI()
			.info(new Info().title("brandsignal dashboard API")
				.version("v1")
				.description("Brands with their latest scorecards, their daily vanity and outcome values, "
						+ "and server-sent events on every change; each caller sees only the brands of its read key "
						+ "or login, any other brand is answered 404 like an unknown one.")
				.license(new License().name("Proprietary").identifier("LicenseRef-brandsignal-proprietary")))
			// relative: the service that serves the document, whatever name or proxy it is reached by
			.servers(List.of(new Server().url("/").description("this service")))
			.components(new Components()
				.addSecuritySchemes("readKey",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A read key issued by the operator: Authorization: Bearer <read key>. "
									+ "No session, one SHA-256 per call: the way for scripts and BI tools."))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("A dashboard user's login; each cookie-less call pays a bcrypt check.")));
	}

	@Bean
	OpenApiCustomizer everyOperationNeedsAReadKeyOrLogin() {
		return (openApi) -> {
			// added here, after springdoc has put the schemas of the controllers in place
			openApi.getComponents()
				.addSchemas(PROBLEM, new ObjectSchema().description("An RFC 9457 problem detail")
					.addProperty("type", new StringSchema().format("uri").example("urn:brandsignal:problem:unknown-brand"))
					.addProperty("title", new StringSchema())
					.addProperty("status", new IntegerSchema())
					.addProperty("detail", new StringSchema())
					.addProperty("instance", new StringSchema()));
			openApi.getPaths().forEach((name, path) -> path.readOperations().forEach((operation) -> {
				operation.setSecurity(READ_KEY_OR_BASIC);
				operation.getResponses()
					.addApiResponse("401", problem("Missing or unknown read key or login"))
					.addApiResponse("429", problem("The read key's rate limit is used up; see Retry-After"))
					.addApiResponse("503", problem("The read model's database does not answer; try again after Retry-After"));
				if (name.contains("{brand}")) {
					operation.getResponses()
						.addApiResponse("404", problem("Unknown brand, or one outside the caller's brands"));
				}
			}));
		};
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

}
