package io.brandsignal.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's model holds besides its own data: the URLs of the webjar scripts.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final StaticAssets assets;

	PageModel(StaticAssets assets) {
		this.assets = assets;
	}

	@ModelAttribute("echartsUrl")
	String echartsUrl() {
		return this.assets.echarts();
	}

}
