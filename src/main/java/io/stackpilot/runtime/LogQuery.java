package io.stackpilot.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * Which log lines to read.
 *
 * @param tail how many of the last lines to return, or empty for all
 * @param since only lines written at or after this time, or empty for all
 * @param follow keep the stream open and send new lines as they are written
 * @param container container within a Kubernetes pod, or empty for the pod's default; Docker ignores it
 */
public record LogQuery(Optional<Integer> tail, Optional<Instant> since, boolean follow, Optional<String> container) {

    public static LogQuery lastLines(int tail) {
        return new LogQuery(Optional.of(tail), Optional.empty(), false, Optional.empty());
    }
}
