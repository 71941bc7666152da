package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations files the checks read, located from the repository root: the nearest folder above the
 * test's working directory (the system-tests module) that holds {@code docker-compose.yml}.
 */
final class RepositoryFiles {

	private static final JsonMapper json = JsonMapper.builder().build();

	private RepositoryFiles() {
	}

	static Path root() {
		Path start = Path.of("").toAbsolutePath();
		for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))
					&& Files.isRegularFile(candidate.resolve("pom.xml"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No docker-compose.yml in " + start + " or any folder above it");
	}

	static Path file(String relativePath) {
		Path file = root().resolve(relativePath);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Missing " + file);
		}
		return file;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A YAML document as plain maps and lists (no custom types). */
	static Map<String, Object> yaml(String content) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
	}

	static Map<String, Object> yaml(Path file) {
		return yaml(read(file));
	}

	static JsonNode json(Path file) {
		return json.readTree(read(file));
	}

	/** Every Grafana dashboard the compose stack provisions. */
	static List<Path> grafanaDashboards() {
		try (Stream<Path> files = Files.list(root().resolve("deploy/grafana/dashboards"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path alertRules() {
		return file("deploy/prometheus/alerts.yml");
	}

	static Path prometheusConfig() {
		return file("deploy/prometheus/prometheus.yml");
	}

	static Path composeFile() {
		return file("docker-compose.yml");
	}

	static Path envExample() {
		return file(".env.example");
	}

	@SuppressWarnings("unchecked")
	static <T> T cast(Object value) {
		return (T) value;
	}

}
