package io.stackpilot.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    /** a <- b, a <- c, b and c <- d. */
    private final DependencyGraph diamond = new DependencyGraph(Map.of(
            "a", List.of(),
            "b", List.of("a"),
            "c", List.of("a"),
            "d", List.of("b", "c")));

    @Test
    void topologicalOrderPutsDependenciesFirst() {
        assertEquals(List.of("a", "b", "c", "d"), diamond.topologicalOrder());
    }

    @Test
    void dependentsAreDirectOnly() {
        assertEquals(Set.of("b", "c"), diamond.dependentsOf("a"));
        assertEquals(Set.of(), diamond.dependentsOf("d"));
    }

    @Test
    void transitiveClosuresFollowStartOrder() {
        assertEquals(List.of("a", "b", "c"), diamond.transitiveDependenciesOf("d"));
        assertEquals(List.of("b", "c", "d"), diamond.transitiveDependentsOf("a"));
        assertEquals(List.of("d"), diamond.transitiveDependentsOf("b"));
    }

    @Test
    void acyclicGraphHasNoCycle() {
        assertTrue(diamond.findCycle().isEmpty());
    }

    @Test
    void cycleIsReportedAsClosedPath() {
        DependencyGraph graph = new DependencyGraph(Map.of(
                "a", List.of(),
                "x", List.of("a", "z"),
                "y", List.of("x"),
                "z", List.of("y")));

        assertEquals(List.of("x", "z", "y", "x"), graph.findCycle().orElseThrow());
    }
}
