package io.stackpilot.runtime.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

    private static final Map<String, String> HEADLAMP_POD = Map.of("app.kubernetes.io/name", "headlamp", "tier", "ui");

    @Test
    void matchLabelsNeedEveryPair() {
        LabelSelector selector = new LabelSelectorBuilder()
                .addToMatchLabels("app.kubernetes.io/name", "headlamp")
                .addToMatchLabels("tier", "ui")
                .build();

        assertTrue(LabelSelectors.matches(selector, HEADLAMP_POD));
        assertFalse(LabelSelectors.matches(selector, Map.of("app.kubernetes.io/name", "headlamp")));
        assertFalse(LabelSelectors.matches(selector, null));
    }

    @Test
    void matchExpressionsFollowTheirOperator() {
        record Case(String operator, List<String> values, boolean expected) {}
        List<Case> cases = List.of(
                new Case("In", List.of("ui", "api"), true),
                new Case("In", List.of("api"), false),
                new Case("NotIn", List.of("api"), true),
                new Case("NotIn", List.of("ui"), false),
                new Case("Exists", List.of(), true),
                new Case("DoesNotExist", List.of(), false));

        for (Case c : cases) {
            LabelSelector selector = new LabelSelectorBuilder()
                    .addNewMatchExpression()
                    .withKey("tier")
                    .withOperator(c.operator())
                    .withValues(c.values())
                    .endMatchExpression()
                    .build();
            assertEquals(c.expected(), LabelSelectors.matches(selector, HEADLAMP_POD), c.toString());
        }
    }

    @Test
    void absentLabelMatchesNegativeOperators() {
        for (String operator : List.of("In", "NotIn", "Exists", "DoesNotExist")) {
            LabelSelector selector = new LabelSelectorBuilder()
                    .addNewMatchExpression()
                    .withKey("track")
                    .withOperator(operator)
                    .withValues(operator.endsWith("In") ? List.of("canary") : List.of())
                    .endMatchExpression()
                    .build();
            boolean expected = operator.equals("NotIn") || operator.equals("DoesNotExist");
            assertEquals(expected, LabelSelectors.matches(selector, HEADLAMP_POD), operator);
        }
    }

    @Test
    void selectorWithoutRequirementsIsEmpty() {
        assertTrue(LabelSelectors.isEmpty(new LabelSelector()));
        assertFalse(LabelSelectors.isEmpty(
                new LabelSelectorBuilder().addToMatchLabels("tier", "ui").build()));
    }
}
