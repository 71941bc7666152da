package io.brandsignal.launcher;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the launcher's own JVM (the broker and PostgreSQL's controller) from holding on to memory it
 * used while starting. {@code java -jar} gives it no heap options, so its heap starts at 1/64 of the
 * machine's memory and only grows; once the stack is up this JVM returns what the start left behind and
 * keeps returning memory while idle. The flags it sets are the JVM's "manageable" ones, changeable while
 * running; on a JVM that has not got them (another collector) nothing changes.
 */
final class LauncherHeap {

	private static final Logger logger = LoggerFactory.getLogger(LauncherHeap.class);

	private LauncherHeap() {
	}

	/** Shrinks the heap to what is live now, and lets the collector give back memory once a minute when idle. */
	static void trimAfterStart() {
		HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		try {
			// the ratios bound how much free heap a collection leaves committed
			hotSpot.setVMOption("MinHeapFreeRatio", "10");
			hotSpot.setVMOption("MaxHeapFreeRatio", "30");
			hotSpot.setVMOption("G1PeriodicGCInterval", "60000");
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Leaving the launcher's heap as it is: {}", ex.getMessage());
			return;
		}
		System.gc();
	}

}
