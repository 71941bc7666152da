package io.brandsignal.ingest.web;

import java.util.List;

import io.brandsignal.contract.problem.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and rendered by Swagger UI at
 * {@code /swagger-ui.html}. Every operation states its security: the write operations an API key
 * ({@code apiKey}, bearer), the open ones (the metric catalog) explicitly none.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** The license both services' API descriptions state. */
	static final License LICENSE = new License().name("Proprietary").identifier("LicenseRef-brandsignal-proprietary");

	@Bean
	OpenAPI ingestOpenApi() {
		return new OpenAPI()
			.info(new Info().title("brandsignal ingest API")
				.version("v1")
				.description("Post marketing metric observations (vanity metrics and business outcomes) as JSON "
						+ "batches or CSV files, and define a brand's campaigns. Errors are RFC 9457 problem details whose type is "
						+ ProblemTypes.PREFIX + "<kind>, e.g. " + ProblemTypes.PREFIX + "invalid-observations.")
				.license(LICENSE))
			// relative: the service that serves the document, whatever name or proxy it is reached by
			.servers(List.of(new Server().url("/").description("this service")))
			.components(new Components().addSecuritySchemes("apiKey",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An API key issued by the operator: Authorization: Bearer <api key>")));
	}

	@Bean
	OpenApiCustomizer openOperationsSayTheyNeedNoKey() {
		// An operation without a requirement of its own is open; saying so (security: []) tells clients and
		// linters it is not an oversight.
		return (openApi) -> openApi.getPaths()
			.values()
			.forEach((path) -> path.readOperations()
				.stream()
				.filter((operation) -> operation.getSecurity() == null)
				.forEach((operation) -> operation.setSecurity(List.of())));
	}

}
