package io.brandsignal.dashboard;

import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
		return (openApi) -> openApi.getPaths()
			.values()
			.forEach((path) -> path.readOperations().forEach((operation) -> operation.setSecurity(READ_KEY_OR_BASIC)));
	}

}
