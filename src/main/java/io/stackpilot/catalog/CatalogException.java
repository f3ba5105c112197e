package io.stackpilot.catalog;

import java.util.List;

/** The catalog in configuration is invalid; the message names every offending key. */
public class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super("Invalid component catalog:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns one message per problem, each naming the configuration key it concerns. */
    public List<String> problems() {
        return problems;
    }
}
