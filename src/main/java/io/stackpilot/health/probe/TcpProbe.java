package io.stackpilot.health.probe;

import io.stackpilot.catalog.ProbeSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Connects to {@code host:port} and, when the probe sets {@code expect}, waits for a reply that contains it. */
@ApplicationScoped
public class TcpProbe {

    public ProbeResult probe(ProbeSpec.Tcp spec, Deadline deadline) {
        String target = spec.host() + ":" + spec.port();
        Socket socket;
        try {
            socket = Sockets.connect(spec.host(), spec.port(), deadline);
        } catch (IOException e) {
            return ProbeResult.down("TCP connect to " + target + " failed: " + Sockets.describe(e, deadline));
        }

        try (socket) {
            if (spec.expect().isEmpty()) {
                return ProbeResult.up(Map.of());
            }
            return awaitReply(spec, socket, deadline, target);
        } catch (IOException e) {
            return ProbeResult.down("TCP connection to " + target + " failed: " + Sockets.describe(e, deadline));
        }
    }

    private static ProbeResult awaitReply(ProbeSpec.Tcp spec, Socket socket, Deadline deadline, String target)
            throws IOException {
        String expected = spec.expect().get();
        byte[] request = spec.send().orElse("").getBytes(StandardCharsets.UTF_8);
        String reply;
        try {
            reply = Sockets.exchange(socket, request, deadline, text -> text.contains(expected));
        } catch (SocketTimeoutException e) {
            return ProbeResult.down(target + " accepted the connection but sent no reply containing '" + expected
                    + "' within " + deadline.timeout().toMillis() + " ms");
        }
        if (!reply.contains(expected)) {
            return ProbeResult.down(
                    target + " closed the connection without a reply containing '" + expected + "'",
                    Map.of("reply", abbreviate(reply)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reply", abbreviate(reply));
        return ProbeResult.up(details);
    }

    /** Shortens a reply for details and reasons: the first line, at most 80 characters. */
    static String abbreviate(String reply) {
        String firstLine = reply.strip().lines().findFirst().orElse("");
        return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 77) + "...";
    }
}
