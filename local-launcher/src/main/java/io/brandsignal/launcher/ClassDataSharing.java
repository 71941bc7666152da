package io.brandsignal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-data sharing (CDS) archives for the service JVMs, made lazily so the build pays nothing for
 * them: the first start after a build extracts each service jar (Spring Boot's
 * {@code -Djarmode=tools extract}, the layout CDS needs) and runs it with
 * {@code -XX:ArchiveClassesAtExit}, so the JVM writes the archive of every class it loaded when the
 * service stops; every later start maps that archive ({@code -XX:SharedArchiveFile}) and loads and
 * verifies far fewer classes itself, which is most of a Spring service's start-up time. The extracted
 * jars and archives live under {@code <services>/cds/<service>/}, stamped with the jar and the JVM they
 * were made from, so a new build or another JDK starts over. Anything that goes wrong here only costs
 * the speed-up: the service then runs from its jar as before.
 */
final class ClassDataSharing {

	private static final Logger logger = LoggerFactory.getLogger(ClassDataSharing.class);

	private final Path servicesDirectory;

	ClassDataSharing(Path servicesDirectory) {
		this.servicesDirectory = servicesDirectory;
	}

	/**
	 * How to launch a service's jar: from its extracted form with the archive when there is one, in a
	 * training run that writes it otherwise, or from the jar itself when it cannot be extracted.
	 * @param name the service, such as {@code scoring-service}
	 * @param jar its executable jar
	 * @return the JVM arguments that run it, and what to do once it has stopped
	 */
	Launch prepare(String name, Path jar) {
		try {
			Path extracted = extracted(name, jar);
			Path application = extracted.resolve(jar.getFileName());
			Path archive = extracted.resolve(name + ".jsa");
			if (Files.isRegularFile(archive)) {
				return new Launch(List.of("-XX:SharedArchiveFile=" + archive, "-jar", application.toString()), null,
						null);
			}
			// a file of this start's own: two stacks training at once must not write one file together
			Path training = extracted.resolve(name + "-" + UUID.randomUUID() + ".jsa.part");
			return new Launch(List.of("-XX:ArchiveClassesAtExit=" + training, "-jar", application.toString()),
					training, archive);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Running {} without a class-data sharing archive: {}", name, ex.toString());
			return Launch.plain(jar);
		}
	}

	/** The extracted form of the jar, extracting it first unless an extraction of this very jar exists. */
	private Path extracted(String name, Path jar) throws IOException {
		Path directory = this.servicesDirectory.toAbsolutePath().resolve("cds").resolve(name);
		String stamp = stamp(jar);
		Path stampFile = directory.resolve("stamp");
		if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
			return directory;
		}
		Path staging = directory.resolveSibling(name + "-" + UUID.randomUUID() + ".extracting");
		try {
			extract(jar, staging);
			Files.writeString(staging.resolve("stamp"), stamp);
			deleteRecursively(directory);
			try {
				Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | DirectoryNotEmptyException ex) {
				// another launcher extracted the same jar at the same time: use theirs
				logger.debug("{} was extracted by another launcher meanwhile", name);
			}
			return directory;
		}
		finally {
			deleteRecursively(staging);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static void extract(Path jar, Path destination) throws IOException {
		Process extract = new ProcessBuilder(javaExecutable(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
				"extract", "--destination", destination.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
				extract.destroyForcibly();
				throw new IOException("Could not extract " + jar);
			}
		}
		catch (InterruptedException ex) {
			extract.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while extracting " + jar, ex);
		}
	}

	/** What an extraction and its archive were made from: the jar's size and time, and the JVM. */
	private static String stamp(Path jar) throws IOException {
		return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
				+ System.getProperty("java.vm.version") + " " + System.getProperty("java.home");
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The JVM arguments that run one service ({@code -jar} and the jar last), and, for a training run,
	 * where its JVM writes the archive on exit and where the archive belongs.
	 */
	record Launch(List<String> arguments, Path training, Path archive) {

		/** Runs the jar as it is, without an archive. */
		static Launch plain(Path jar) {
			return new Launch(List.of("-jar", jar.toAbsolutePath().toString()), null, null);
		}

		/**
		 * After the service's JVM has ended: keeps the archive a training run wrote, for the next start.
		 * A JVM that was killed writes none, or a partial one, which the JVM would refuse anyway.
		 */
		void stopped() {
			if (this.training == null) {
				return;
			}
			try {
				if (Files.isRegularFile(this.training) && Files.size(this.training) > 0) {
					move(this.training, this.archive);
				}
			}
			catch (IOException ex) {
				logger.debug("Could not keep the class-data sharing archive {}: {}", this.training, ex.toString());
			}
			finally {
				try {
					Files.deleteIfExists(this.training);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		private static void move(Path from, Path to) throws IOException {
			try {
				Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
			}
		}

	}

}
