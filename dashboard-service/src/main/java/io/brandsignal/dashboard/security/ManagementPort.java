package io.brandsignal.dashboard.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * The port of a separate management server ({@code management.server.port}), once it listens: requests
 * that arrive on it come from inside the deployment's network (compose publishes it nowhere), those on the
 * application's port may come from anyone. Learned from the server itself, so a random port (tests) counts
 * too; while there is none, every request is an application request.
 */
public final class ManagementPort {

	private static final String MANAGEMENT_NAMESPACE = "management";

	private volatile int port = -1;

	@EventListener
	void onServerStarted(WebServerInitializedEvent started) {
		if (MANAGEMENT_NAMESPACE.equals(started.getApplicationContext().getServerNamespace())) {
			this.port = started.getWebServer().getPort();
		}
	}

	/**
	 * Whether the request came in on the separate management port. The socket's own port, which no
	 * forwarded header can change.
	 */
	public boolean receives(HttpServletRequest request) {
		return this.port > 0 && request.getLocalPort() == this.port;
	}

}
