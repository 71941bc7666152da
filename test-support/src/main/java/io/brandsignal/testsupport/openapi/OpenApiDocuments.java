package io.brandsignal.testsupport.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a service's OpenAPI document ({@code /v3/api-docs}) the way API clients and linters do.
 */
public final class OpenApiDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] METHODS = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

	private OpenApiDocuments() {
	}

	/**
	 * The security requirements of every operation, as JSON text keyed by {@code METHOD path}; an
	 * operation that states none maps to {@code null}.
	 */
	public static Map<String, String> securityByOperation(String document) {
		Map<String, String> security = new TreeMap<>();
		JsonNode root = JSON.readTree(document);
		for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().get(method);
				if (operation != null) {
					JsonNode requirements = operation.get("security");
					security.put(method.toUpperCase() + " " + path.getKey(),
							(requirements != null) ? requirements.toString() : null);
				}
			}
		}
		return security;
	}

	/** The {@code info.license} of the document as JSON text, empty when missing. */
	public static String license(String document) {
		JsonNode license = JSON.readTree(document).path("info").path("license");
		return license.isMissingNode() ? "" : license.toString();
	}

	/**
	 * Keeps the document in the module's {@code target/} directory for linting it outside the build,
	 * e.g. {@code npx @redocly/cli lint target/openapi/dashboard.json}.
	 */
	public static void keep(String document, String name) {
		try {
			Path file = Path.of("target", "openapi", name + ".json");
			Files.createDirectories(file.getParent());
			Files.writeString(file, document, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
