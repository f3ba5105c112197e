package io.stackpilot.runtime;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A state change that stackpilot can apply to a component. */
public enum LifecycleAction {
    START,
    STOP,
    RESTART;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
