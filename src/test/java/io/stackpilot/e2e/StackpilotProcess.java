package io.stackpilot.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as its own process in the
 * production profile with the default catalog, as an operator would run it. An operator API key is made up
 * for the run and configured by its hash only.
 */
final class StackpilotProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final Path log;
    private final int port;
    private final String apiKey;

    private StackpilotProcess(Process process, Path log, int port, String apiKey) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.apiKey = apiKey;
    }

    /**
     * Starts the service and waits until {@code /q/health/live} returns 200.
     *
     * @param properties system properties added to the command line, such as the Kubernetes API server URL
     */
    static StackpilotProcess start(Path workDir, Map<String, String> properties)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing; run ./mvnw package first");
        }
        Files.createDirectories(workDir);
        int port = freePort();
        String apiKey = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dstackpilot.security.api-keys.e2e.sha256=" + sha256(apiKey),
                "-Dstackpilot.security.api-keys.e2e.role=operator",
                "-Dstackpilot.audit.path=" + workDir.resolve("audit.jsonl")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));

        Path log = workDir.resolve("stackpilot.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        StackpilotProcess service = new StackpilotProcess(process, log, port, apiKey);
        service.awaitLive(Duration.ofSeconds(60));
        return service;
    }

    URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    String apiKey() {
        return apiKey;
    }

    Path log() {
        return log;
    }

    private void awaitLive(Duration limit) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "stackpilot exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(baseUri().resolve("/q/health/live"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The service has not opened its port yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "stackpilot did not become live within " + limit + ":\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
