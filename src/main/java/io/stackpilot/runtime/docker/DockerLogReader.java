package io.stackpilot.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.stackpilot.runtime.LogLine;
import io.stackpilot.runtime.LogQuery;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads a container's logs. docker-java demultiplexes the stdout and stderr frames of non-TTY containers;
 * TTY containers have one raw stream, reported as stdout.
 */
final class DockerLogReader {

    private DockerLogReader() {}

    static Multi<LogLine> read(DockerClient client, String containerId, LogQuery query, ErrorTranslator errors) {
        return Multi.createFrom().emitter(emitter -> {
            LogContainerCmd command = client.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(query.follow())
                    .withTimestamps(false);
            query.tail().ifPresentOrElse(command::withTail, command::withTailAll);
            // The Engine API takes Unix seconds as a 32-bit value; later times clamp to its maximum and match nothing.
            query.since()
                    .ifPresent(since ->
                            command.withSince((int) Math.max(0, Math.min(Integer.MAX_VALUE, since.getEpochSecond()))));

            Closeable stream = command.exec(new Callback(emitter, errors));
            emitter.onTermination(() -> closeQuietly(stream));
        });
    }

    /** Maps a docker-java failure to a runtime exception for the emitter. */
    @FunctionalInterface
    interface ErrorTranslator {
        RuntimeException translate(Throwable failure);
    }

    private static final class Callback extends ResultCallback.Adapter<Frame> {

        private final MultiEmitter<? super LogLine> emitter;
        private final ErrorTranslator errors;
        private final LineSplitter lines;

        Callback(MultiEmitter<? super LogLine> emitter, ErrorTranslator errors) {
            this.emitter = emitter;
            this.errors = errors;
            this.lines = new LineSplitter(emitter::emit);
        }

        @Override
        public void onNext(Frame frame) {
            LogLine.Stream stream =
                    frame.getStreamType() == StreamType.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
            lines.accept(stream, frame.getPayload());
        }

        @Override
        public void onError(Throwable failure) {
            if (!emitter.isCancelled()) {
                emitter.fail(errors.translate(failure));
            }
            closeQuietly(this);
        }

        @Override
        public void onComplete() {
            lines.flush();
            emitter.complete();
            super.onComplete();
        }
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The stream is being abandoned; a failure to close it changes nothing for the caller.
        }
    }
}
