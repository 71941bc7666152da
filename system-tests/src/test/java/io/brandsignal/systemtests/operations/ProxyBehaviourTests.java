package io.brandsignal.systemtests.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compose stack's proxy configuration run by a real nginx (Debian's), with only what a test machine
 * cannot have replaced: the listening ports (free local ones instead of 8443 and 8080), the upstreams (three
 * local HTTP servers standing in for dashboard, ingest and Grafana, answering with the headers they
 * received) and the folders. What reaches the services and what the client gets is observed over real
 * HTTPS, trusting only the certificate {@code generate-certificate.sh} made.
 */
class ProxyBehaviourTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	static Path folder;

	private static final List<HttpServer> upstreams = new ArrayList<>();

	private static Process nginx;

	private static int httpsPort;

	private static int httpPort;

	private static SSLContext sslContext;

	private static HttpClient client;

	@BeforeAll
	static void startTheProxyInFrontOfThreeUpstreams() throws Exception {
		Path certificates = Files.createDirectory(folder.resolve("certs"));
		CommandLine.Result certificate = CommandLine.run(RepositoryFiles.root(), TIMEOUT,
				Map.of("CERTIFICATE_DIR", certificates.toString(), "PUBLIC_HOSTNAME", "127.0.0.1"), "sh",
				"deploy/proxy/generate-certificate.sh");
		assertThat(certificate.exitCode()).as(certificate.describe()).isZero();

		httpsPort = freePort();
		httpPort = freePort();
		// nginx's workers (nobody, when the tests run as root; uid 101 in the container) buffer large bodies here.
		Path temporary = Files.createDirectory(folder.resolve("tmp"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxrwxrwx"));
		String config = RepositoryFiles.read(RepositoryFiles.file("deploy/proxy/nginx.conf"))
			.replace("/tmp/", temporary + "/") // before the certificates, which are under /tmp here too
			.replace("listen 8443 ", "listen 127.0.0.1:" + httpsPort + " ")
			.replace("listen 8080 ", "listen 127.0.0.1:" + httpPort + " ")
			.replace("/etc/nginx/certs/", certificates + "/")
			.replace("http://dashboard-service:8080", "http://127.0.0.1:" + upstream("dashboard"))
			.replace("http://ingest-service:8081", "http://127.0.0.1:" + upstream("ingest"))
			.replace("http://grafana:3000", "http://127.0.0.1:" + upstream("grafana"));
		Path configFile = folder.resolve("nginx.conf");
		Files.writeString(configFile, config);

		Path executable = CommandLine.executable("nginx");
		assertThat(executable).as("nginx (Debian package nginx, ./test.sh installs it)").isNotNull();
		nginx = new ProcessBuilder(executable.toString(), "-e", "stderr", "-c", configFile.toString(), "-g",
				"daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("nginx.log").toFile())
			.start();

		sslContext = trusting(certificates.resolve("tls.crt"));
		client = HttpClient.newBuilder()
			.sslContext(sslContext)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		await().atMost(TIMEOUT).ignoreExceptions().until(() -> get("/").statusCode() == 200);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (nginx != null) {
			nginx.destroy();
			nginx.waitFor(10, TimeUnit.SECONDS);
		}
		upstreams.forEach((server) -> server.stop(0));
	}

	@Test
	void redirectsPlainHttpToHttps() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/brands/acme?days=28"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(301);
		assertThat(response.headers().firstValue("Location")).hasValue("https://127.0.0.1/brands/acme?days=28");
	}

	@Test
	void sendsHstsAndReplacesEveryForwardedHeaderAClientSends() throws Exception {
		HttpResponse<String> response = client.send(request("/api/v1/brands")
			.header("Forwarded", "for=6.6.6.6;host=evil.example;proto=http")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-For", "6.6.6.6")
			.header("X-Forwarded-Proto", "http")
			.header("X-Forwarded-Port", "80")
			.header("X-Forwarded-Prefix", "/evil")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Strict-Transport-Security")).as("the proxy's only, not the service's")
			.containsExactly("max-age=31536000");
		assertThat(response.headers().firstValue("Server")).hasValue("nginx");
		Map<String, String> seen = seenHeaders(response.body());
		assertThat(seen).containsEntry("upstream", "dashboard")
			.containsEntry("path", "/api/v1/brands")
			.containsEntry("x-forwarded-proto", "https")
			.containsEntry("x-forwarded-host", "127.0.0.1:" + httpsPort)
			.containsEntry("host", "127.0.0.1:" + httpsPort)
			.containsEntry("x-forwarded-for", "127.0.0.1")
			.doesNotContainKeys("forwarded", "x-forwarded-port", "x-forwarded-prefix");
	}

	@Test
	void routesIngestGrafanaAndTheDashboardByPath() throws Exception {
		assertThat(seenHeaders(get("/api/v1/metrics").body())).containsEntry("upstream", "ingest");
		assertThat(seenHeaders(client.send(request("/api/v1/observations")
			.POST(HttpRequest.BodyPublishers.ofString("{\"observations\":[]}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body())).containsEntry("upstream", "ingest")
			.containsEntry("path", "/api/v1/observations");
		assertThat(seenHeaders(get("/grafana/api/health").body())).containsEntry("upstream", "grafana")
			.containsEntry("path", "/grafana/api/health");
		assertThat(seenHeaders(get("/api/v1/observations/../brands").body())).containsEntry("upstream", "dashboard");
		assertThat(seenHeaders(get("/v3/api-docs").body())).as("behind the dashboard's login")
			.containsEntry("upstream", "dashboard");
	}

	@Test
	void answersActuatorItselfWithoutAskingAService() throws Exception {
		for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("upstream=");
		}
	}

	@Test
	void letsOnlyIngestReceiveBatchesOfMegabytes() throws Exception {
		int twoMegabytes = 2 * 1024 * 1024;

		HttpResponse<String> ingest = client.send(request("/api/v1/observations")
			.POST(HttpRequest.BodyPublishers.ofString("x".repeat(twoMegabytes)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(ingest.statusCode()).isEqualTo(200);
		assertThat(statusLineForAnnouncedUpload("/login", twoMegabytes)).startsWith("HTTP/1.1 413 ");
	}

	/**
	 * The status line nginx answers a POST announcing {@code length} bytes with, before any byte is sent
	 * (over a plain TLS socket: Java's HttpClient keeps sending a body nginx has already refused).
	 */
	private static String statusLineForAnnouncedUpload(String path, int length) throws IOException {
		try (SSLSocket socket = (SSLSocket) sslContext.getSocketFactory().createSocket("127.0.0.1", httpsPort)) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
					+ "Content-Length: " + length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
		}
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + path)).timeout(TIMEOUT);
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The upstream's answer: one {@code name=value} line per request header, plus its name and the path. */
	private static Map<String, String> seenHeaders(String body) {
		return body.lines()
			.filter((line) -> line.contains("="))
			.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
					(line) -> line.substring(line.indexOf('=') + 1), (first, second) -> first + "," + second));
	}

	/** Starts a stand-in service that answers every request with what it received; returns its port. */
	private static int upstream(String name) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			StringBuilder answer = new StringBuilder("upstream=" + name + "\npath=" + exchange.getRequestURI().getRawPath()
					+ "\n");
			exchange.getRequestHeaders()
				.forEach((header, values) -> answer.append(header.toLowerCase())
					.append('=')
					.append(String.join(",", values))
					.append('\n'));
			byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
			// As Spring Security does behind TLS: the proxy must not pass a second HSTS header on.
			exchange.getResponseHeaders().add("Strict-Transport-Security", "max-age=60 ; includeSubDomains");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		upstreams.add(server);
		return server.getAddress().getPort();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SSLContext trusting(Path certificate) throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream in = Files.newInputStream(certificate)) {
			trusted.setCertificateEntry("proxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
