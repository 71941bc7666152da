package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts the compose stack's containers run (configuration check, certificate, Kafka start and
 * setup, PostgreSQL role) cannot run here without a Docker engine, so Debian's {@code shellcheck} reads
 * them: quoting and portability mistakes would otherwise only show on an operator's first start.
 */
class ShellScriptTests {

	@Test
	void everyDeployScriptPassesShellcheck() {
		List<String> scripts = scripts();
		assertThat(scripts).contains("deploy/check-configuration.sh", "deploy/proxy/generate-certificate.sh",
				"deploy/kafka/start-kafka.sh", "deploy/kafka/setup-kafka.sh",
				"deploy/postgres/initdb/10-application-role.sh");
		List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style"));
		command.addAll(scripts);

		CommandLine.Result result = CommandLine.run(RepositoryFiles.root(), Duration.ofSeconds(60),
				command.toArray(String[]::new));

		assertThat(result.exitCode()).as(result.describe()).isZero();
	}

	private static List<String> scripts() {
		Path root = RepositoryFiles.root();
		try (Stream<Path> files = Files.walk(root.resolve("deploy"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".sh"))
				.map((file) -> root.relativize(file).toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
