package io.stackpilot.runtime.docker;

import io.stackpilot.runtime.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reassembles lines from Docker log frames. A frame may hold part of a line or several lines, so bytes are
 * buffered per stream until a newline arrives; a TTY's carriage returns are dropped.
 */
final class LineSplitter {

    private final Map<LogLine.Stream, ByteArrayOutputStream> pending = new EnumMap<>(LogLine.Stream.class);
    private final Consumer<LogLine> sink;

    LineSplitter(Consumer<LogLine> sink) {
        this.sink = sink;
    }

    void accept(LogLine.Stream stream, byte[] payload) {
        ByteArrayOutputStream buffer = pending.computeIfAbsent(stream, key -> new ByteArrayOutputStream());
        for (byte b : payload) {
            if (b == '\n') {
                emit(stream, buffer);
            } else {
                buffer.write(b);
            }
        }
    }

    /** Emits whatever is left without a trailing newline, once the stream has ended. */
    void flush() {
        pending.forEach((stream, buffer) -> {
            if (buffer.size() > 0) {
                emit(stream, buffer);
            }
        });
    }

    private void emit(LogLine.Stream stream, ByteArrayOutputStream buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        sink.accept(new LogLine(stream, text));
    }
}
