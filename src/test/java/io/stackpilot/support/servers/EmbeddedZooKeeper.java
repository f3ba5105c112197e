package io.stackpilot.support.servers;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Set;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.command.FourLetterCommands;

/**
 * A real standalone ZooKeeper server in the test JVM on a free loopback port.
 *
 * <p>ZooKeeper reads {@code zookeeper.4lw.commands.whitelist} once per JVM and keeps the result in a static set,
 * so the methods that change it reset that set. They affect every ZooKeeper server in the JVM.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    private static final String WHITELIST_PROPERTY = "zookeeper.4lw.commands.whitelist";

    private final ServerCnxnFactory factory;
    private final ZooKeeperServer server;
    private final File dataDir;

    private EmbeddedZooKeeper(ServerCnxnFactory factory, ZooKeeperServer server, File dataDir) {
        this.factory = factory;
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts a server that allows {@code ruok} and {@code srvr}. */
    public static EmbeddedZooKeeper start() {
        allowFourLetterWords("ruok,srvr");
        try {
            File dataDir = Files.createTempDirectory("stackpilot-zk").toFile();
            ZooKeeperServer server = new ZooKeeperServer(dataDir, dataDir, 2000);
            ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 60);
            factory.startup(server);
            return new EmbeddedZooKeeper(factory, server, dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("The test ZooKeeper server did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the test ZooKeeper server", e);
        }
    }

    public int port() {
        return factory.getLocalPort();
    }

    /**
     * Sets the four-letter words ZooKeeper runs, as {@code 4lw.commands.whitelist} would. ZooKeeper 3.9 always adds
     * {@code srvr} to the list.
     */
    public static void allowFourLetterWords(String commaSeparated) {
        System.setProperty(WHITELIST_PROPERTY, commaSeparated);
        FourLetterCommands.resetWhiteList();
    }

    /**
     * Makes ZooKeeper reject every four-letter word, {@code srvr} included. Configuration cannot do that in ZooKeeper
     * 3.9, which always allows {@code srvr}, so this removes it from ZooKeeper's parsed whitelist; the server then
     * sends its real rejection message.
     */
    @SuppressWarnings("unchecked")
    public static void rejectAllFourLetterWords() {
        allowFourLetterWords("");
        FourLetterCommands.isEnabled("srvr");
        try {
            Field field = FourLetterCommands.class.getDeclaredField("whiteListedCommands");
            field.setAccessible(true);
            ((Set<String>) field.get(null)).clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ZooKeeper's whitelist field changed; update this test helper", e);
        }
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }
}
