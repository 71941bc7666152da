package io.brandsignal.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Finds ports nothing listens on, for stacks started on "any free port".
 */
public final class FreePorts {

	private FreePorts() {
	}

	/** {@code requested} itself, or a free port when it is 0. */
	public static int orFree(int requested) {
		return (requested != 0) ? requested : free();
	}

	/** A port that was free a moment ago. */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

}
