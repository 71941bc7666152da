package io.brandsignal.dashboard.security.web;

import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.security.BrandAccess;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands every controller method that declares a {@link BrandScope} parameter the brands the caller
 * of the request may see, so each page and API answers only within them.
 */
@Configuration(proxyBeanMethods = false)
public class BrandScopeWebConfiguration implements WebMvcConfigurer {

	private final BrandAccess access;

	BrandScopeWebConfiguration(BrandAccess access) {
		this.access = access;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == BrandScope.class;
			}

			@Override
			public BrandScope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binders) {
				return BrandScopeWebConfiguration.this.access
					.scopeOf(SecurityContextHolder.getContext().getAuthentication());
			}

		});
	}

}
