package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stackpilot.support.DockerCli;
import io.stackpilot.support.TestStack;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project brought up by {@code docker-compose up -d} is adopted through its labels, and what the API
 * reports agrees with what Docker's own tools report.
 */
@QuarkusTest
class ComposeAdoptionTest {

    @BeforeAll
    static void composeUp() {
        TestStack.up();
    }

    @BeforeEach
    void statusShowsTheNewContainers() {
        TestStack.awaitStatus();
    }

    @AfterAll
    static void composeDown() {
        TestStack.down();
    }

    @Test
    void componentsAgreeWithComposePs() {
        Map<String, String> fromCompose = composeStates();

        JsonPath components = given().when()
                .get("/api/v1/components")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        for (String service : List.of("web", "worker")) {
            String id = TestStack.containerId(service);
            assertEquals(id, components.getString("find { it.name == '" + service + "' }.docker.containerId"));
            assertEquals(
                    fromCompose.get(id),
                    components.getString("find { it.name == '" + service + "' }.docker.status"),
                    "Docker state of " + service);
        }
    }

    @Test
    void runningServicesAgreeWithComposePs() {
        JsonPath components = given().when()
                .get("/api/v1/components")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> runningInApi =
                components.getList("findAll { it.state == 'running' && it.runtime == 'docker' }.name");

        assertEquals(composeServices("running"), new TreeSet<>(runningInApi));
    }

    @Test
    void apiStopShowsExitedInDockerPs() {
        String id = TestStack.containerId("worker");

        given().when().post("/api/v1/components/worker/stop").then().statusCode(200);
        assertEquals("exited", dockerPsState(id));
        assertEquals(Set.of("worker"), composeServices("stopped"));

        given().when().post("/api/v1/components/worker/start").then().statusCode(200);
        assertEquals("running", dockerPsState(id));
    }

    /** Container id to Docker state for every container of the compose project, from the CLI. */
    private static Map<String, String> composeStates() {
        Map<String, String> states = new TreeMap<>();
        String ids = docker(
                "ps",
                "-a",
                "--no-trunc",
                "--filter",
                "label=com.docker.compose.project=" + TestStack.PROJECT,
                "--format",
                "{{.ID}} {{.State}}");
        ids.lines().map(line -> line.split(" ")).forEach(parts -> states.put(parts[0], parts[1]));
        assertEquals(3, states.size(), "containers of project " + TestStack.PROJECT + ": " + states);
        return states;
    }

    /** Services of the project in a state, as {@code docker-compose ps --services --filter status=...} lists them. */
    private static Set<String> composeServices(String status) {
        String services = DockerCli.compose(
                TestStack.PROJECT, TestStack.COMPOSE_FILE, "ps", "--services", "--filter", "status=" + status);
        return services.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String dockerPsState(String id) {
        return docker("ps", "-a", "--no-trunc", "--filter", "id=" + id, "--format", "{{.State}}")
                .strip();
    }
}
