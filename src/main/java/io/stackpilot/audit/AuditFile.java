package io.stackpilot.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * An append-only JSON Lines file of {@link AuditRecord}s, rotated by size.
 *
 * <p>Each {@link #append} writes one whole line and forces it to the storage device before it returns. When the
 * next line would take the file past the size limit, the file is renamed to {@code <path>.1} (older ones move
 * to {@code .2}, {@code .3}, ... and the oldest beyond {@code maxFiles} is deleted) and a new file is started.
 * A crash in the middle of a write can leave at most one partial last line; opening the file terminates it, and
 * reading skips it. Safe for use from several threads.
 */
public final class AuditFile implements Closeable {

    private static final Logger LOG = Logger.getLogger(AuditFile.class);
    private static final byte NEWLINE = '\n';
    private static final int READ_CHUNK = 64 * 1024;

    private final Path path;
    private final long maxBytes;
    private final int maxFiles;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private FileChannel channel;

    /**
     * Opens the file for appending, creating it and its folder when missing.
     *
     * @param maxBytes size that the file may reach before it is rotated
     * @param maxFiles rotated files to keep; 0 keeps none
     * @throws IOException if the file cannot be created or opened
     */
    public AuditFile(Path path, long maxBytes, int maxFiles) throws IOException {
        this.path = path.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        Path folder = this.path.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        terminatePartialLine();
        this.channel = openForAppend();
    }

    /** The file that receives new records. */
    public Path path() {
        return path;
    }

    /**
     * Writes the record as one line and forces it to the device.
     *
     * @throws IOException if the record could not be written; the file then holds at most a partial line
     */
    public synchronized void append(AuditRecord record) throws IOException {
        byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        if (channel.size() > 0 && channel.size() + line.length > maxBytes) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /**
     * Reads the records that match the query, oldest first, from the rotated files and the current one. Lines
     * that are not valid records are counted in {@link AuditPage#skippedLines()} and left out.
     */
    public AuditPage read(AuditQuery query) throws IOException {
        List<Snapshot> snapshots = openSnapshots();
        List<AuditRecord> page = new ArrayList<>();
        int[] counts = new int[2]; // [0] matching records, [1] skipped lines
        try {
            for (Snapshot snapshot : snapshots) {
                readLines(snapshot, line -> {
                    AuditRecord record = parse(line);
                    if (record == null) {
                        counts[1]++;
                    } else if (query.matches(record)) {
                        counts[0]++;
                        if (counts[0] > query.offset() && page.size() < query.limit()) {
                            page.add(record);
                        }
                    }
                });
            }
        } finally {
            for (Snapshot snapshot : snapshots) {
                snapshot.channel().close();
            }
        }
        return new AuditPage(counts[0], query.offset(), query.limit(), counts[1], List.copyOf(page));
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** An open file and the length to read from it, taken together so a rotation cannot split a read. */
    private record Snapshot(FileChannel channel, long length) {}

    /** Opens every file oldest first under the write lock; open channels keep working across a later rename. */
    private synchronized List<Snapshot> openSnapshots() throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        for (int index = maxFiles; index >= 0; index--) {
            Path file = index == 0 ? path : rotated(index);
            if (Files.exists(file)) {
                FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
                snapshots.add(new Snapshot(reader, reader.size()));
            }
        }
        return snapshots;
    }

    private void readLines(Snapshot snapshot, Consumer<String> lines) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long position = 0;
        while (position < snapshot.length()) {
            buffer.clear();
            buffer.limit((int) Math.min(READ_CHUNK, snapshot.length() - position));
            int read = snapshot.channel().read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
            for (int i = 0; i < read; i++) {
                byte next = buffer.get(i);
                if (next == NEWLINE) {
                    emit(line, lines);
                } else {
                    line.write(next);
                }
            }
        }
        emit(line, lines);
    }

    private static void emit(ByteArrayOutputStream line, Consumer<String> lines) {
        if (line.size() > 0) {
            lines.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    private AuditRecord parse(String line) {
        try {
            return json.readValue(line, AuditRecord.class);
        } catch (JsonProcessingException e) {
            LOG.debugf("[audit] Skipped a line of %s that is not a valid record: %s", path, e.getOriginalMessage());
            return null;
        }
    }

    private void rotate() throws IOException {
        channel.close();
        if (maxFiles >= 1) {
            Files.deleteIfExists(rotated(maxFiles));
            for (int index = maxFiles - 1; index >= 1; index--) {
                if (Files.exists(rotated(index))) {
                    Files.move(rotated(index), rotated(index + 1), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(path, rotated(1), StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(path);
        }
        channel = openForAppend();
        syncFolder();
        LOG.infof("[audit] Rotated %s, keeping at most %d older files", path, maxFiles);
    }

    private Path rotated(int index) {
        return path.resolveSibling(path.getFileName() + "." + index);
    }

    private FileChannel openForAppend() throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Ends a last line cut short by a crash, so the next record starts on a line of its own. */
    private void terminatePartialLine() throws IOException {
        if (!Files.exists(path) || Files.size(path) == 0) {
            return;
        }
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            file.read(last, file.size() - 1);
            if (last.get(0) != NEWLINE) {
                file.write(ByteBuffer.wrap(new byte[] {NEWLINE}), file.size());
                file.force(false);
                LOG.warnf(
                        "[audit] %s ended with a partial record, probably cut short by a crash; it is skipped"
                                + " when the trail is read",
                        path);
            }
        }
    }

    /** Makes the renames of a rotation durable; Linux allows forcing a folder opened for reading. */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debugf("[audit] Could not sync folder %s after rotation: %s", path.getParent(), e.getMessage());
        }
    }
}
