package io.stackpilot.support.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on a free loopback port that accepts every connection, counts it, and never sends a byte: a hung
 * dependency whose calls the test can count.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = new Thread(this::acceptForever, "silent-server-" + socket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    public static SilentServer start() {
        try {
            SilentServer server = new SilentServer(new ServerSocket(0, 500, InetAddress.getLoopbackAddress()));
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("The silent test server did not start", e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Returns how many connections were accepted since the start. */
    public int connections() {
        return accepted.get();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.incrementAndGet();
                open.add(connection);
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : open) {
                connection.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("The silent test server did not close cleanly", e);
        }
    }
}
