package io.brandsignal.dashboard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.stereotype.Component;

/**
 * URLs of the bundled scripts the pages load (no CDN), with the bundle's version found once at startup
 * (it is managed in the build), so rendering a page never searches the class path. Every page template
 * sees them as variables ({@code echartsUrl}), set once on the view resolver rather than put into each
 * request's model (which every request, API calls included, paid for). ECharts comes as an mvnpm jar,
 * whose files Boot serves from {@code META-INF/resources} under the static path {@code /assets/}.
 */
@Component("staticAssets")
public class StaticAssets {

	private static final String ECHARTS_BUILD_INFO = "META-INF/maven/org.mvnpm/echarts/pom.properties";

	public StaticAssets(ThymeleafViewResolver views) {
		views.addStaticVariable("echartsUrl", "/assets/_static/echarts/" + echartsVersion() + "/dist/echarts.min.js");
	}

	/** The bundled ECharts version, from the jar's own build information. */
	private static String echartsVersion() {
		try (InputStream info = StaticAssets.class.getClassLoader().getResourceAsStream(ECHARTS_BUILD_INFO)) {
			if (info == null) {
				throw new IllegalStateException("The ECharts jar (org.mvnpm:echarts) is missing from the class path");
			}
			Properties build = new Properties();
			build.load(info);
			return build.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + ECHARTS_BUILD_INFO, ex);
		}
	}

}
