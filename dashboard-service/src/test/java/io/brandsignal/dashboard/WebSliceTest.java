package io.brandsignal.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.brandsignal.dashboard.campaign.CampaignWords;
import io.brandsignal.dashboard.security.BrandAccess;
import io.brandsignal.dashboard.security.SecurityConfiguration;
import io.brandsignal.dashboard.security.web.BrandScopeWebConfiguration;
import io.brandsignal.dashboard.web.Formats;
import io.brandsignal.dashboard.web.RenderedPages;
import io.brandsignal.dashboard.web.StaticAssets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * What every MVC slice test of the dashboard needs besides its controllers: the real security rules
 * (with the test logins and read keys from {@code config/application.properties}) and brand scopes, the
 * page formats (campaign words too) and the kept pages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ SecurityConfiguration.class, BrandAccess.class, BrandScopeWebConfiguration.class, Formats.class,
		CampaignWords.class, StaticAssets.class, RenderedPages.class })
@EnableConfigurationProperties(DashboardProperties.class)
public @interface WebSliceTest {

}
