package io.stackpilot.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void appendedRecordsReadBackInOrder() throws IOException {
        Path path = folder.resolve("audit.jsonl");
        try (AuditFile file = new AuditFile(path, 1_000_000, 2)) {
            file.append(record(0, "web", "alice"));
            file.append(record(1, "worker", "bob"));
        }

        try (AuditFile fresh = new AuditFile(path, 1_000_000, 2)) {
            AuditPage page = fresh.read(AuditQuery.all(10));
            assertEquals(2, page.total());
            assertEquals(0, page.skippedLines());
            assertEquals(record(0, "web", "alice"), page.records().get(0));
            assertEquals(record(1, "worker", "bob"), page.records().get(1));
        }
        List<String> lines = Files.readAllLines(path);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"time\":\"2026-12-04T10:00:00Z\",\"actor\":\"alice\""), lines.get(0));
    }

    @Test
    void truncatedLastLineIsSkipped() throws IOException {
        Path path = folder.resolve("audit.jsonl");
        try (AuditFile file = new AuditFile(path, 1_000_000, 2)) {
            file.append(record(0, "web", "alice"));
        }
        Files.writeString(path, "{\"time\":\"2026-12-04T10:00:01Z\",\"actor\":\"bo", StandardOpenOption.APPEND);

        try (AuditFile reopened = new AuditFile(path, 1_000_000, 2)) {
            AuditPage before = reopened.read(AuditQuery.all(10));
            assertEquals(1, before.total());
            assertEquals(1, before.skippedLines());

            reopened.append(record(2, "worker", "carol"));
            AuditPage after = reopened.read(AuditQuery.all(10));
            assertEquals(2, after.total(), "the record after the partial line must start a line of its own");
            assertEquals("carol", after.records().get(1).actor());
            assertEquals(1, after.skippedLines());
        }
    }

    @Test
    void partialLineWithoutReopenIsSkipped() throws IOException {
        Path path = folder.resolve("audit.jsonl");
        try (AuditFile file = new AuditFile(path, 1_000_000, 2)) {
            file.append(record(0, "web", "alice"));
            Files.writeString(path, "{\"time\":", StandardOpenOption.APPEND);

            AuditPage page = file.read(AuditQuery.all(10));
            assertEquals(1, page.total());
            assertEquals(1, page.skippedLines());
        }
    }

    @Test
    void rotationKeepsConfiguredNumberOfFiles() throws IOException {
        Path path = folder.resolve("audit.jsonl");
        long lineBytes = lineBytes(record(0, "web", "alice"));
        try (AuditFile file = new AuditFile(path, lineBytes * 2, 2)) {
            for (int i = 0; i < 7; i++) {
                file.append(record(i, "web", "alice"));
            }
            AuditPage page = file.read(AuditQuery.all(100));

            assertTrue(Files.exists(folder.resolve("audit.jsonl.1")));
            assertTrue(Files.exists(folder.resolve("audit.jsonl.2")));
            assertFalse(Files.exists(folder.resolve("audit.jsonl.3")));
            assertEquals(5, page.total(), "two rotated files of two records and the current one of one");
            assertEquals(T0.plusSeconds(2), page.records().get(0).time());
            assertEquals(T0.plusSeconds(6), page.records().get(4).time());
        }
    }

    @Test
    void filtersAndPagingApplyAcrossFiles() throws IOException {
        Path path = folder.resolve("audit.jsonl");
        long lineBytes = lineBytes(record(0, "web", "alice"));
        try (AuditFile file = new AuditFile(path, lineBytes * 3, 5)) {
            for (int i = 0; i < 10; i++) {
                file.append(record(i, i % 2 == 0 ? "web" : "worker", i < 5 ? "alice" : "bob"));
            }

            AuditPage web = file.read(
                    new AuditQuery(Optional.of("web"), Optional.empty(), Optional.empty(), Optional.empty(), 1, 2));
            assertEquals(5, web.total());
            assertEquals(List.of(T0.plusSeconds(2), T0.plusSeconds(4)), times(web));

            AuditPage bobInWindow = file.read(new AuditQuery(
                    Optional.empty(),
                    Optional.of("bob"),
                    Optional.of(T0.plusSeconds(6)),
                    Optional.of(T0.plusSeconds(9)),
                    0,
                    100));
            assertEquals(List.of(T0.plusSeconds(6), T0.plusSeconds(7), T0.plusSeconds(8)), times(bobInWindow));
        }
    }

    private static List<Instant> times(AuditPage page) {
        return page.records().stream().map(AuditRecord::time).toList();
    }

    private long lineBytes(AuditRecord record) throws IOException {
        Path probe = folder.resolve("probe.jsonl");
        try (AuditFile file = new AuditFile(probe, Long.MAX_VALUE, 0)) {
            file.append(record);
        }
        long size = Files.size(probe);
        Files.delete(probe);
        return size;
    }

    private static AuditRecord record(int second, String target, String actor) {
        return new AuditRecord(
                T0.plusSeconds(second),
                actor,
                "operator",
                "bearer",
                "127.0.0.1",
                "POST",
                "/api/v1/components/" + target + "/stop",
                target,
                "stop",
                Map.of("timeout", "5"),
                200,
                "succeeded",
                null,
                Duration.ofMillis(310).toMillis());
    }
}
