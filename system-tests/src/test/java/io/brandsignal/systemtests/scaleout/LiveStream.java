package io.brandsignal.systemtests.scaleout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One browser's live stream ({@code /api/v1/stream}) read on a thread of its own: the {@code data:} lines
 * of the events it received, so a test can wait for the one it expects.
 */
public final class LiveStream implements AutoCloseable {

	private static final HttpClient http = HttpClient.newHttpClient();

	private volatile List<String> kept = List.of();

	private volatile boolean open = true;

	private final InputStream body;

	private LiveStream(InputStream body, Consumer<String> onData) {
		this.body = body;
		Thread reader = new Thread(() -> read(onData), "live-stream-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Opens a stream on a dashboard instance.
	 * @param dashboard the instance's base URL
	 * @param authorization an {@code Authorization} header value
	 * @param onData called on the reading thread with each event's data line, as it arrives; the lines are
	 * not kept (a long-running stream would hold them all)
	 */
	public static LiveStream open(URI dashboard, String authorization, Consumer<String> onData) {
		HttpRequest request = HttpRequest.newBuilder(dashboard.resolve("/api/v1/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", authorization)
			.build();
		try {
			HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
				.get(30, TimeUnit.SECONDS);
			if (response.statusCode() != 200) {
				response.body().close();
				throw new IllegalStateException("Live stream refused: " + response.statusCode());
			}
			return new LiveStream(response.body(), onData);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot open a live stream on " + dashboard, ex);
		}
	}

	/** Opens a stream that keeps what it receives, for {@link #data()}. */
	public static LiveStream open(URI dashboard, String authorization) {
		List<String> kept = new CopyOnWriteArrayList<>();
		LiveStream stream = open(dashboard, authorization, kept::add);
		stream.kept = kept;
		return stream;
	}

	/** The data lines received so far by a stream opened to keep them. */
	public List<String> data() {
		return this.kept;
	}

	private void read(Consumer<String> onData) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith("data:")) {
					onData.accept(line.substring(5));
				}
			}
		}
		catch (IOException ex) {
			// closed by the test or the server
		}
		finally {
			this.open = false;
		}
	}

	/** Whether the server still keeps the stream open (it ends streams that time out or fall behind). */
	public boolean isOpen() {
		return this.open;
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

}
