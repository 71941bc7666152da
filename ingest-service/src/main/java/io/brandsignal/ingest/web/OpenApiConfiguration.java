package io.brandsignal.ingest.web;

import io.brandsignal.contract.problem.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and rendered by Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI ingestOpenApi() {
		return new OpenAPI()
			.info(new Info().title("brandsignal ingest API")
				.version("v1")
				.description("Post marketing metric observations (vanity metrics and business outcomes) as JSON "
						+ "batches or CSV files. Errors are RFC 9457 problem details whose type is "
						+ ProblemTypes.PREFIX + "<kind>, e.g. " + ProblemTypes.PREFIX + "invalid-observations."))
			.components(new Components().addSecuritySchemes("apiKey",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An API key issued by the operator: Authorization: Bearer <api key>")));
	}

}
