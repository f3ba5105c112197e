package io.stackpilot.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit records to return: every filter that is present must match.
 *
 * @param target the record's {@code target}: a component name, or {@code stack}
 * @param actor the caller name, matched exactly
 * @param from earliest {@code time}, inclusive
 * @param to latest {@code time}, exclusive
 * @param offset matching records to skip, oldest first
 * @param limit maximum number of records to return
 */
public record AuditQuery(
        Optional<String> target,
        Optional<String> actor,
        Optional<Instant> from,
        Optional<Instant> to,
        int offset,
        int limit) {

    /** Every record, up to {@code limit}. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, limit);
    }

    boolean matches(AuditRecord record) {
        return target.map(value -> value.equals(record.target())).orElse(true)
                && actor.map(value -> value.equals(record.actor())).orElse(true)
                && from.map(value -> !record.time().isBefore(value)).orElse(true)
                && to.map(value -> record.time().isBefore(value)).orElse(true);
    }
}
