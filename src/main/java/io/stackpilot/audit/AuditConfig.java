package io.stackpilot.audit;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where and how the audit trail is written, under {@code stackpilot.audit}. */
@ConfigMapping(prefix = "stackpilot.audit")
public interface AuditConfig {

    /** The JSON Lines file that receives new records; rotated files get the suffixes {@code .1}, {@code .2}, ... */
    @WithDefault("audit/audit.jsonl")
    Path path();

    /** Size at which the file is rotated before the next record is written. */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** How many rotated files to keep besides the current one; older ones are deleted. */
    @WithDefault("5")
    int maxFiles();
}
