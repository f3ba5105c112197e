package io.stackpilot.health.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Blocking socket steps shared by the TCP, ZooKeeper and Kafka probes, each bounded by a {@link Deadline}. */
final class Sockets {

    /** Largest reply read from a server; four-letter-word replies and banners are far smaller. */
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private Sockets() {}

    /**
     * Opens a connection within the time left.
     *
     * @throws SocketTimeoutException if the deadline passes first
     */
    static Socket connect(String host, int port, Deadline deadline) throws IOException {
        if (deadline.expired()) {
            throw new SocketTimeoutException("no time left to connect");
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis());
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects and closes again; returns {@code null} when reachable, else why not, in {@link #describe} words. */
    static String reachability(String host, int port, Deadline deadline) {
        try (Socket ignored = connect(host, port, deadline)) {
            return null;
        } catch (IOException e) {
            return describe(e, deadline);
        }
    }

    /**
     * Writes {@code request}, then reads until {@code complete} accepts the text read so far, the server closes
     * the connection, or {@link #MAX_REPLY_BYTES} have arrived.
     *
     * @return the reply as UTF-8 text, possibly empty
     * @throws SocketTimeoutException if the deadline passes first
     */
    static String exchange(Socket socket, byte[] request, Deadline deadline, Predicate<String> complete)
            throws IOException {
        if (request.length > 0) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
        }
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (true) {
            if (deadline.expired()) {
                throw new SocketTimeoutException("no complete reply in time");
            }
            socket.setSoTimeout(deadline.remainingMillis());
            int read = in.read(buffer);
            if (read < 0) {
                return reply.toString(StandardCharsets.UTF_8);
            }
            reply.write(buffer, 0, read);
            String text = reply.toString(StandardCharsets.UTF_8);
            if (complete.test(text) || reply.size() >= MAX_REPLY_BYTES) {
                return text;
            }
        }
    }

    /** Describes a connection failure in a few words, such as {@code connection refused}. */
    static String describe(IOException e, Deadline deadline) {
        if (e instanceof SocketTimeoutException) {
            return "timed out after " + deadline.timeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
