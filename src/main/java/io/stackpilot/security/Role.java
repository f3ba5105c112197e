package io.stackpilot.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller may do: a viewer reads, an operator also changes state and reads the audit trail. */
public enum Role {
    VIEWER,
    OPERATOR;

    /** Returns the lower-case name used in tokens, configuration and the audit trail. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Tells whether a caller holding this role may do what {@code required} allows. */
    public boolean satisfies(Role required) {
        return this == OPERATOR || required == VIEWER;
    }

    /** Parses a role name such as {@code operator}, ignoring case. */
    public static Optional<Role> parse(String value) {
        return Arrays.stream(values())
                .filter(role -> role.id().equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
