package io.stackpilot.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platform a component's workload runs on. */
public enum RuntimeKind {
    DOCKER,
    KUBERNETES;

    /** Returns the lower-case name used in configuration and JSON. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration value such as {@code docker}, ignoring case. */
    public static Optional<RuntimeKind> parse(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.id().equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
