package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack's reverse proxy, {@code deploy/proxy/nginx.conf}, checked with Debian's {@code nginx -t}
 * against a certificate made by the stack's own {@code deploy/proxy/generate-certificate.sh} (run with
 * {@code sh} and {@code openssl}); and what the configuration promises (issue 12, findings 3 and 4): TLS
 * with HSTS, forwarded headers the proxy alone sets, no actuator, only HTTPS and a redirect.
 */
class ProxyConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String CERTIFICATE_DIR = "/etc/nginx/certs/";

	private final String config = RepositoryFiles.read(RepositoryFiles.file("deploy/proxy/nginx.conf"));

	@Test
	void isAcceptedByNginxWithTheGeneratedCertificate(@TempDir Path folder) throws IOException {
		assertThat(generateCertificate(folder, "brandsignal.example.com").exitCode()).isZero();
		Path config = folder.resolve("nginx.conf");
		// Only the certificate folder differs from the container; every other path exists on Debian too.
		Files.writeString(config, this.config.replace(CERTIFICATE_DIR, folder.toAbsolutePath() + "/"));

		CommandLine.Result result = CommandLine.run(folder, TIMEOUT, "nginx", "-t", "-q", "-e", "stderr", "-c",
				config.toAbsolutePath().toString());

		assertThat(result.exitCode()).as(result.describe()).isZero();
	}

	@Test
	void generatesASelfSignedCertificateForThePublicHostnameOnceAndKeepsIt(@TempDir Path folder) throws IOException {
		CommandLine.Result first = generateCertificate(folder, "brandsignal.example.com");
		assertThat(first.exitCode()).as(first.describe()).isZero();
		assertThat(first.output()).contains("generated a self-signed certificate for brandsignal.example.com");
		byte[] certificate = Files.readAllBytes(folder.resolve("tls.crt"));
		CommandLine.Result names = CommandLine.run(folder, TIMEOUT, "openssl", "x509", "-in", "tls.crt", "-noout",
				"-subject", "-ext", "subjectAltName");
		assertThat(names.output()).contains("CN = brandsignal.example.com").contains("DNS:brandsignal.example.com");
		assertThat(Files.getPosixFilePermissions(folder.resolve("tls.key"))).extracting(Object::toString)
			.containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "GROUP_READ");

		CommandLine.Result second = generateCertificate(folder, "other.example.com");

		assertThat(second.exitCode()).as(second.describe()).isZero();
		assertThat(second.output()).contains("using the certificate");
		assertThat(Files.readAllBytes(folder.resolve("tls.crt"))).as("a mounted or earlier certificate is kept")
			.isEqualTo(certificate);
	}

	@Test
	void refusesACertificateWithAnotherKey(@TempDir Path folder) throws IOException {
		Path first = Files.createDirectory(folder.resolve("first"));
		Path second = Files.createDirectory(folder.resolve("second"));
		generateCertificate(first, "a.example.com");
		generateCertificate(second, "b.example.com");
		Files.copy(second.resolve("tls.key"), first.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING);

		CommandLine.Result result = generateCertificate(first, "a.example.com");

		assertThat(result.exitCode()).as(result.describe()).isNotZero();
		assertThat(result.output()).contains("do not belong together");
	}

	@Test
	void servesHttpsWithHstsAndRedirectsPlainHttp() {
		assertThat(listens()).containsExactlyInAnyOrder("8443 ssl http2 default_server", "8080 default_server");
		assertThat(this.config).contains("ssl_protocols TLSv1.2 TLSv1.3;")
			.contains("ssl_certificate " + CERTIFICATE_DIR + "tls.crt;")
			.contains("ssl_certificate_key " + CERTIFICATE_DIR + "tls.key;")
			.contains("add_header Strict-Transport-Security \"max-age=31536000\" always;")
			.contains("proxy_hide_header Strict-Transport-Security;")
			.contains("return 301 https://$host$request_uri;")
			.contains("server_tokens off;");
	}

	@Test
	void setsEveryForwardedHeaderItselfSoClientsCannotForgeThem() {
		assertThat(this.config).contains("proxy_set_header X-Forwarded-Proto https;")
			.contains("proxy_set_header X-Forwarded-For $remote_addr;")
			.contains("proxy_set_header X-Forwarded-Host $http_host;")
			.contains("proxy_set_header Host $http_host;")
			.contains("proxy_set_header Forwarded \"\";")
			.contains("proxy_set_header X-Forwarded-Port \"\";")
			.contains("proxy_set_header X-Forwarded-Prefix \"\";")
			.doesNotContain("$proxy_add_x_forwarded_for");
		// Headers set in a location would replace the whole http-level list for that location.
		assertThat(locationBodies()).noneMatch((body) -> body.contains("proxy_set_header"));
	}

	@Test
	void forwardsOnlyTheServicesMainPortsAndClosesActuator() {
		Map<String, String> targets = Map.of("$dashboard", "http://dashboard-service:8080", "$ingest",
				"http://ingest-service:8081", "$grafana", "http://grafana:3000");
		targets.forEach((variable, target) -> assertThat(this.config).contains("set " + variable + " " + target + ";"));
		assertThat(this.config).doesNotContain(":9000").doesNotContain("9090")
			.as("ingest's API description is not forwarded (the dashboard's stays behind its login)")
			.doesNotContainPattern("location[^{]*(api-docs|swagger)");
		assertThat(this.config).containsPattern("location /actuator \\{\\s*return 404;\\s*}");
		assertThat(this.config).containsPattern("location = /api/v1/observations \\{[^}]*proxy_pass \\$ingest;")
			.containsPattern("location = /api/v1/metrics \\{[^}]*proxy_pass \\$ingest;")
			.as("campaigns are written through ingest (PUT, DELETE), read through the dashboard")
			.containsPattern("map \\$request_method \\$campaign_upstream \\{\\s*PUT \\$ingest;\\s*DELETE \\$ingest;"
					+ "\\s*default \\$dashboard;\\s*}")
			.containsPattern("location ~ \\^/api/v1/brands/\\[\\^/]\\+/campaigns/\\[\\^/]\\+\\$ \\{\\s*"
					+ "proxy_pass \\$campaign_upstream;")
			.containsPattern("location /grafana/ \\{[^}]*proxy_pass \\$grafana;")
			.containsPattern("location / \\{[^}]*proxy_pass \\$dashboard;");
	}

	private static CommandLine.Result generateCertificate(Path folder, String hostname) {
		return CommandLine.run(RepositoryFiles.root(), TIMEOUT,
				Map.of("CERTIFICATE_DIR", folder.toAbsolutePath().toString(), "PUBLIC_HOSTNAME", hostname), "sh",
				"deploy/proxy/generate-certificate.sh");
	}

	private List<String> listens() {
		return matches("(?m)^\\s*listen ([^;]+);");
	}

	private List<String> locationBodies() {
		return matches("location [^{]+\\{([^}]*)}");
	}

	private List<String> matches(String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(this.config);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1).strip());
		}
		return found;
	}

}
