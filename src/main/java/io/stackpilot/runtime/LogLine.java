package io.stackpilot.runtime;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One line of a workload's output, without its line terminator.
 *
 * @param stream the stream the line was written to
 * @param text the line's text
 */
public record LogLine(Stream stream, String text) {

    /** Output stream of a line; {@code TTY} containers merge both streams into {@link #STDOUT}. */
    public enum Stream {
        STDOUT,
        STDERR;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
