package io.stackpilot.support.servers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server (the JDK's) on a free loopback port that responds to every request with a status the test sets. */
public final class ScriptedHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();

    private ScriptedHttpServer(HttpServer server) {
        this.server = server;
    }

    public static ScriptedHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            ScriptedHttpServer scripted = new ScriptedHttpServer(server);
            server.createContext("/", exchange -> {
                scripted.requests.incrementAndGet();
                byte[] body = "{\"status\":\"scripted\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(scripted.status.get(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return scripted;
        } catch (IOException e) {
            throw new IllegalStateException("The test HTTP server did not start", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Sets the status code of every later response. */
    public void respondWith(int code) {
        status.set(code);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
