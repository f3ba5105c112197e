package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Evaluates a workload's {@code spec.selector} on the client, with the API server's semantics. */
final class LabelSelectors {

    private LabelSelectors() {}

    /** Tells whether the selector has no requirement, so that the API server would match every pod. */
    static boolean isEmpty(LabelSelector selector) {
        Map<String, String> labels = selector.getMatchLabels();
        return (labels == null || labels.isEmpty())
                && (selector.getMatchExpressions() == null
                        || selector.getMatchExpressions().isEmpty());
    }

    /**
     * Tells whether labels satisfy every {@code matchLabels} entry and every {@code matchExpressions}
     * requirement ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}).
     *
     * @param labels the object's labels, or {@code null} when it has none
     * @return {@code true} for a requirement with an operator this method does not know, so that a caller
     *     deciding whether to read a workload again reads it rather than miss a change
     */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (Map.Entry<String, String> entry : required.entrySet()) {
            if (!entry.getValue().equals(actual.get(entry.getKey()))) {
                return false;
            }
        }
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return expressions.stream().allMatch(requirement -> satisfies(requirement, actual));
    }

    private static boolean satisfies(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        String operator = requirement.getOperator() == null ? "" : requirement.getOperator();
        return switch (operator) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> true;
        };
    }
}
