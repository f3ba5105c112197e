package io.stackpilot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A minimal Server-Sent Events client over {@link HttpClient} that records every event and comment it reads,
 * so tests can wait for them with Awaitility.
 */
public final class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One received event.
     *
     * @param id the {@code id} field, or {@code null}
     * @param type the {@code event} field, or {@code message} when absent
     * @param data the {@code data} field parsed as JSON
     */
    public record Event(String id, String type, JsonNode data) {

        public long numericId() {
            return Long.parseLong(id);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final int status;

    private SseClient(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> answer =
                response.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        this.status = answer.statusCode();
        Thread reader = new Thread(() -> read(answer.body()), "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and returns once the response headers have arrived. */
    public static SseClient connect(URI uri, String lastEventId) {
        return new SseClient(uri, lastEventId);
    }

    public int status() {
        return status;
    }

    /** Returns every event received so far, in order. */
    public List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Returns every comment line received so far, without the leading colon. */
    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    private void read(Stream<String> lines) {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type == null ? "message" : type, parse(data.toString())));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                switch (field) {
                    case "" -> comments.add(value);
                    case "id" -> id = value;
                    case "event" -> type = value;
                    case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                    default -> {}
                }
            }
        } catch (UncheckedIOException e) {
            // The stream ends this way when the test closes the connection.
        }
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new AssertionError("SSE data is not JSON: " + data, e);
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
    }
}
