package io.stackpilot.audit;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The service's audit trail in the file {@code stackpilot.audit.path}. It is opened at start-up, so a path that
 * cannot be written stops the service instead of losing records later.
 */
@Startup
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final AuditFile file;
    private volatile String lastFailure;
    private volatile Instant lastFailureTime;

    @Inject
    public AuditLog(AuditConfig config) {
        try {
            this.file = new AuditFile(config.path(), config.maxFileSize().asLongValue(), config.maxFiles());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot open the audit file " + config.path().toAbsolutePath() + " (stackpilot.audit.path): "
                            + e.getMessage() + "; point it at a writable file",
                    e);
        }
        LOG.infof("[audit] Writing the audit trail to %s", file.path());
    }

    /**
     * Appends a record and forces it to the device. A write that fails is logged and reported by the readiness
     * check; the request it describes has already been carried out, so its response is not changed.
     */
    public void record(AuditRecord record) {
        try {
            file.append(record);
            lastFailure = null;
        } catch (IOException e) {
            lastFailure = e.getMessage();
            lastFailureTime = Instant.now();
            LOG.errorf(
                    e,
                    "[audit] Could not write the record of %s %s (status %d) to %s",
                    record.method(),
                    record.path(),
                    record.status(),
                    file.path());
        }
    }

    /** Reads the records that match the query, oldest first. */
    public AuditPage read(AuditQuery query) {
        try {
            return file.read(query);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit trail at " + file.path(), e);
        }
    }

    /** The error of the last write, or {@code null} when it succeeded. */
    String lastFailure() {
        return lastFailure;
    }

    Instant lastFailureTime() {
        return lastFailureTime;
    }

    String path() {
        return file.path().toString();
    }

    @PreDestroy
    void close() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warnf("[audit] Could not close %s: %s", file.path(), e.getMessage());
        }
    }
}
