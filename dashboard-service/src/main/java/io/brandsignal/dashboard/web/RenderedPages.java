package io.brandsignal.dashboard.web;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.brandsignal.dashboard.readmodel.ReadCache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Pages whose HTML is the same for every reader, kept rendered so that a repeated request costs no
 * template rendering (most of a page request's work). A page is kept per template and page (say, per
 * brand) together with the version it was rendered from (say, the brand's scorecard) and rendered
 * again once a request brings another version. The one part of such a page that differs between
 * requests is the CSRF token of its forms, masked afresh for every request: it is cut out of the kept
 * copy and each request's own token is written in its place. Nothing is kept while Thymeleaf's view
 * cache is off ({@code spring.thymeleaf.cache=false}, for editing templates).
 */
@Component
public class RenderedPages {

	private static final int MAX_KEPT = 500;

	private final ThymeleafViewResolver views;

	private final ReadCache<PageKey, Rendered> kept = ReadCache.bounded(MAX_KEPT);

	public RenderedPages(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * The view of one page of a template, rendered from the model only when no copy of this version
	 * is kept.
	 * @param template the Thymeleaf template
	 * @param page which page of the template, such as the brand it shows
	 * @param version everything else the page's HTML depends on, compared with {@code equals}; the
	 * model must not hold anything that differs between requests for the same page and version
	 * @return the view to answer the request with
	 */
	public View view(String template, String page, Object version) {
		PageKey key = new PageKey(template, page);
		return (model, request, response) -> render(key, version, model, request, response);
	}

	private void render(PageKey key, Object version, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String token = (csrf != null) ? csrf.getToken() : null;
		Rendered page;
		if (!this.views.isCache()) {
			page = renderAfresh(key.template(), version, token, model, request, response);
		}
		else {
			try {
				// Rendered under the page's lock: readers of the same page wait for one rendering.
				page = this.kept.get(key, (kept) -> kept.fits(version, token),
						(stale) -> renderKept(key.template(), version, token, model, request, response));
			}
			catch (RenderingFailed ex) {
				throw ex.failure();
			}
		}
		page.write(token, response);
	}

	private Rendered renderKept(String template, Object version, String token, Map<String, ?> model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			return renderAfresh(template, version, token, model, request, response);
		}
		catch (Exception ex) {
			throw new RenderingFailed(ex);
		}
	}

	private Rendered renderAfresh(String template, Object version, String token, Map<String, ?> model,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		View view = this.views.resolveViewName(template, RequestContextUtils.getLocale(request));
		if (view == null) {
			throw new IllegalStateException("No template '" + template + "'");
		}
		CapturedResponse captured = new CapturedResponse(response);
		view.render(model, request, captured);
		return Rendered.of(version, response.getContentType(), Charset.forName(response.getCharacterEncoding()),
				captured.html(), token);
	}

	private record PageKey(String template, String page) {
	}

	/** Carries a rendering's failure out of the cache's loading function, to be rethrown as it was. */
	private static final class RenderingFailed extends RuntimeException {

		RenderingFailed(Exception failure) {
			super(failure);
		}

		Exception failure() {
			return (Exception) getCause();
		}

	}

	/**
	 * A rendered page cut at each occurrence of the CSRF token it was rendered with.
	 */
	private record Rendered(Object version, String contentType, Charset charset, List<byte[]> parts) {

		static Rendered of(Object version, String contentType, Charset charset, String html, String token) {
			List<byte[]> parts = new ArrayList<>();
			int start = 0;
			if (token != null && !token.isEmpty()) {
				for (int at = html.indexOf(token); at >= 0; at = html.indexOf(token, start)) {
					parts.add(html.substring(start, at).getBytes(charset));
					start = at + token.length();
				}
			}
			parts.add(html.substring(start).getBytes(charset));
			return new Rendered(version, contentType, charset, List.copyOf(parts));
		}

		boolean fits(Object version, String token) {
			return Objects.equals(this.version, version) && (token != null || this.parts.size() == 1);
		}

		void write(String token, HttpServletResponse response) throws IOException {
			byte[] hole = (token != null) ? token.getBytes(this.charset) : new byte[0];
			long length = (long) hole.length * (this.parts.size() - 1);
			for (byte[] part : this.parts) {
				length += part.length;
			}
			response.setContentType(this.contentType);
			response.setContentLengthLong(length);
			OutputStream body = response.getOutputStream();
			for (int i = 0; i < this.parts.size(); i++) {
				if (i > 0) {
					body.write(hole);
				}
				body.write(this.parts.get(i));
			}
		}

	}

	/**
	 * The response as a template sees it while being rendered for keeping: headers and URL encoding
	 * (content-hashed asset links) reach the real response, the HTML stays here.
	 */
	private static final class CapturedResponse extends HttpServletResponseWrapper {

		private final CharArrayWriter html = new CharArrayWriter(16 * 1024);

		private final PrintWriter writer = new PrintWriter(this.html);

		CapturedResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public void flushBuffer() {
			// Flushing would commit the real response before the kept copy is written to it.
		}

		String html() {
			this.writer.flush();
			return this.html.toString();
		}

	}

}
