package io.stackpilot.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code docker} and {@code docker-compose} command-line tools, so tests check the service against
 * what Docker itself reports. The engine is the one {@code DOCKER_HOST} names, as for the service.
 */
public final class DockerCli {

    /** The local image the tests run; {@code scripts/test-images.sh} builds it without a registry. */
    public static final String TEST_IMAGE = "stackpilot-test/busybox:1";

    private static volatile boolean imageChecked;

    private DockerCli() {}

    /** Builds {@link #TEST_IMAGE} with {@code scripts/test-images.sh} unless it exists; runs once per JVM. */
    public static synchronized void ensureTestImage() {
        if (!imageChecked) {
            script("scripts/test-images.sh");
            imageChecked = true;
        }
    }

    /** Runs {@code docker ARGS} and returns its standard output; fails the test on a non-zero exit. */
    public static String docker(String... args) {
        return run(prepend("docker", args));
    }

    /** Runs {@code docker ARGS} and returns its exit code, ignoring output. */
    public static int dockerStatus(String... args) {
        return execute(prepend("docker", args)).exitCode();
    }

    /** Runs {@code docker-compose -p PROJECT -f FILE ARGS}. */
    public static String compose(String project, Path file, String... args) {
        return compose(project, List.of(file), args);
    }

    /** Runs {@code docker-compose -p PROJECT -f FILE1 -f FILE2 ... ARGS}, later files overriding earlier ones. */
    /**
     * Removes a Compose project's containers and network. An operation the last test left running may start a
     * container while the network is being removed, and then Compose fails with "active endpoints", so the
     * removal is run again until it succeeds.
     */
    public static void composeDown(String project, Path file) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> {
                    compose(project, file, "down", "--remove-orphans", "--timeout", "1");
                    return true;
                });
    }

    public static String compose(String project, List<Path> files, String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project));
        files.forEach(file -> command.addAll(List.of("-f", file.toString())));
        command.addAll(Arrays.asList(args));
        return run(command.toArray(String[]::new));
    }

    /** Runs a script of the repository, such as {@code compose/local-images.sh}, and returns its output. */
    public static String script(String path, String... args) {
        return run(prepend(path, args));
    }

    /** Removes containers by name, ignoring those that do not exist. */
    public static void removeContainers(String... names) {
        for (String name : names) {
            execute(new String[] {"docker", "rm", "-f", name});
        }
    }

    /** Returns a container's state word (running, exited, ...) as {@code docker inspect} reports it. */
    public static String state(String container) {
        return docker("inspect", "--format", "{{.State.Status}}", container).strip();
    }

    private static String run(String... command) {
        Result result = execute(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(
                    String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    private record Result(int exitCode, String output) {}

    private static Result execute(String[] command) {
        try {
            Path errors = Files.createTempFile("docker-cli", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            String output = new String(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                output += Files.readString(errors);
            }
            Files.deleteIfExists(errors);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("Could not run " + command[0] + "; is it installed and on PATH?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
