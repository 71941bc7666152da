package io.brandsignal.systemtests.operations;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/service.Dockerfile} cannot be built here (no Docker engine), so what can go wrong
 * without anyone noticing is checked against the Maven reactor instead: a module added to the reactor
 * but not copied breaks the image build, and so does a module a service depends on whose sources are
 * left out.
 */
class ServiceDockerfileTests {

	private static final List<String> SERVICES = List.of("ingest-service", "scoring-service", "dashboard-service");

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private static final Pattern OWN_ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

	private static final Pattern BRANDSIGNAL_DEPENDENCY = Pattern
		.compile("<dependency>\\s*<groupId>io\\.brandsignal</groupId>\\s*<artifactId>([^<]+)</artifactId>");

	private final String dockerfile = RepositoryFiles.read(RepositoryFiles.file("deploy/service.Dockerfile"));

	@Test
	void copiesThePomOfEveryReactorModuleBeforeTheSources() {
		for (String module : modules().values()) {
			String copy = "COPY " + module + "/pom.xml " + module + "/";
			assertThat(this.dockerfile).as("the reactor lists %s", module).contains(copy);
			assertThat(this.dockerfile.indexOf(copy)).isLessThan(this.dockerfile.indexOf("/src "));
		}
	}

	@Test
	void copiesTheSourcesOfEveryModuleAServiceIsBuiltFrom() {
		Map<String, String> modules = modules();
		for (String service : SERVICES) {
			for (String module : buildDependencies(service, modules)) {
				assertThat(this.dockerfile).as("%s is built with -am from %s", service, module)
					.contains("COPY " + module + "/src " + module + "/src");
			}
		}
		assertThat(this.dockerfile).contains("COPY ${SERVICE}/src ${SERVICE}/src")
			.contains("mvn -B -pl \"${SERVICE}\" -am package -DskipTests");
	}

	@Test
	void runsTheLayeredJarAsANonRootUserWithAHeapSizedToTheContainer() {
		assertThat(this.dockerfile).contains("java -Djarmode=tools -jar app.jar extract --layers --launcher")
			.contains("USER 10001:10001")
			.contains("-XX:MaxRAMPercentage=75.0")
			.contains("org.springframework.boot.loader.launch.JarLauncher");
		List<String> layers = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		int previous = -1;
		for (String layer : layers) {
			int position = this.dockerfile.indexOf("/layers/extracted/" + layer + "/");
			assertThat(position).as("layer %s copied after the layers that change less often", layer)
				.isGreaterThan(previous);
			previous = position;
		}
		// The last instruction that sets the user must come after everything that needs root.
		assertThat(this.dockerfile.lastIndexOf("USER ")).isGreaterThan(this.dockerfile.lastIndexOf("RUN "));
	}

	@Test
	void buildsFromBaseImagesPinnedToFullVersions() {
		// Full versions (not digests): a rebuild gets the same JDK 17 and Maven until changed here.
		Matcher images = Pattern.compile("(?m)^ARG (MAVEN|RUNTIME)_IMAGE=(\\S+)$").matcher(this.dockerfile);
		Map<String, String> byRole = new LinkedHashMap<>();
		while (images.find()) {
			byRole.put(images.group(1), images.group(2));
		}
		assertThat(byRole).containsOnlyKeys("MAVEN", "RUNTIME");
		assertThat(byRole.get("MAVEN")).matches("maven:3\\.9\\.\\d+-eclipse-temurin-17");
		assertThat(byRole.get("RUNTIME")).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre");
		assertThat(this.dockerfile).containsPattern("(?m)^FROM \\$\\{MAVEN_IMAGE} AS build$")
			.containsPattern("(?m)^FROM \\$\\{RUNTIME_IMAGE}$");
	}

	/** Module folder by artifactId, for every module of the root pom. */
	private static Map<String, String> modules() {
		Map<String, String> modules = new LinkedHashMap<>();
		Matcher module = MODULE.matcher(RepositoryFiles.read(RepositoryFiles.file("pom.xml")));
		while (module.find()) {
			String folder = module.group(1).trim();
			Matcher artifactId = OWN_ARTIFACT_ID.matcher(pom(folder));
			assertThat(artifactId.find()).as("artifactId of %s", folder).isTrue();
			modules.put(artifactId.group(1), folder);
		}
		assertThat(modules.values()).containsAll(SERVICES);
		return modules;
	}

	/** Folders of the reactor modules {@code mvn -pl service -am} builds, other than the service itself. */
	private static Set<String> buildDependencies(String service, Map<String, String> modules) {
		Set<String> folders = new TreeSet<>();
		Deque<String> pending = new ArrayDeque<>(List.of(service));
		while (!pending.isEmpty()) {
			Matcher dependency = BRANDSIGNAL_DEPENDENCY.matcher(pom(pending.pop()));
			while (dependency.find()) {
				String folder = modules.get(dependency.group(1));
				if (folder != null && folders.add(folder)) {
					pending.push(folder);
				}
			}
		}
		return folders;
	}

	private static String pom(String folder) {
		Path pom = RepositoryFiles.file(folder + "/pom.xml");
		return RepositoryFiles.read(pom);
	}

}
