package io.stackpilot.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the private Docker engine of {@code scripts/dockerd.sh}, the one the tests run against.
 * It refuses to touch any engine other than the one {@code DOCKER_HOST} names.
 */
public final class PrivateDockerd {

    private static final Path SCRIPT = Path.of("scripts/dockerd.sh");

    private PrivateDockerd() {}

    /**
     * Fails unless {@code scripts/dockerd.sh} (with this process's {@code STACKPILOT_DOCKERD_DIR}) manages the
     * engine at {@code DOCKER_HOST}, so a test never stops an engine someone else uses.
     */
    public static void requireOwnEngine() {
        String dockerHost = System.getenv("DOCKER_HOST");
        String status = run("status").strip();
        if (dockerHost == null || !status.equals("running: " + dockerHost)) {
            throw new AssertionError("This test restarts the Docker engine, so it must run against the one of"
                    + " scripts/dockerd.sh: export STACKPILOT_DOCKERD_DIR as when it was started and DOCKER_HOST="
                    + "$(scripts/dockerd.sh start); got DOCKER_HOST=" + dockerHost + ", dockerd.sh status: "
                    + status);
        }
    }

    public static void stop() {
        run("stop");
    }

    public static void start() {
        run("start");
    }

    private static String run(String command) {
        try {
            Process process = new ProcessBuilder("bash", SCRIPT.toString(), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/dockerd.sh " + command + " did not finish within 120 s");
            }
            if (!command.equals("status") && process.exitValue() != 0) {
                throw new AssertionError("scripts/dockerd.sh " + command + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("Could not run scripts/dockerd.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running scripts/dockerd.sh " + command, e);
        }
    }
}
