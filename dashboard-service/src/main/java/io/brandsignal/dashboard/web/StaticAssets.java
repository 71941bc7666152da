package io.brandsignal.dashboard.web;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.webjars.WebJarVersionLocator;

import org.springframework.stereotype.Component;

/**
 * URLs of the webjar scripts the pages load, with the webjar's version resolved once at startup (the
 * version is managed in the build), so rendering a page never searches the class path. Every page
 * template sees them as variables ({@code echartsUrl}), set once on the view resolver rather than put
 * into each request's model (which every request, API calls included, paid for).
 */
@Component("staticAssets")
public class StaticAssets {

	public StaticAssets(ThymeleafViewResolver views) {
		String version = new WebJarVersionLocator().version("echarts");
		if (version == null) {
			throw new IllegalStateException("The echarts webjar is missing from the class path");
		}
		// the ECharts script, served from the webjar (no CDN)
		views.addStaticVariable("echartsUrl", "/webjars/echarts/" + version + "/dist/echarts.min.js");
	}

}
