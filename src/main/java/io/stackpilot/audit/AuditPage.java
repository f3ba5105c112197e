package io.stackpilot.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of audit records, oldest first.
 *
 * @param skippedLines lines that could not be read, such as a last line cut short by a crash
 */
@RegisterForReflection
@Schema(name = "AuditPage")
public record AuditPage(
        @Schema(description = "Records matching the filters, in all files")
        int total,

        @Schema(description = "Matching records skipped before this page")
        int offset,

        @Schema(description = "Maximum records on this page")
        int limit,

        @Schema(description = "Lines that were not valid records and were skipped")
        int skippedLines,

        @Schema(description = "The records, oldest first") List<AuditRecord> records) {}
