package io.stackpilot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Prometheus' {@code promtool}, which {@code .ci/run} installs from Debian's {@code prometheus} package. */
public final class Promtool {

    private Promtool() {}

    /** Runs {@code promtool check metrics} on a scrape and returns what it printed, empty when it found nothing. */
    public static String checkMetrics(String metrics) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("promtool", "check", "metrics")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish within 60 s");
        assertEquals(0, process.exitValue(), "promtool exit code; output:\n" + output);
        return output.strip();
    }
}
