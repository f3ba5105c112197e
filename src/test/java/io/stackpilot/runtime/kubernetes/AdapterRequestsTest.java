package io.stackpilot.runtime.kubernetes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stackpilot.support.MockCluster;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The requests the adapter really sends, as the mock API server records them, against the grants it
 * declares in {@link KubernetesRequest}, which {@link ControlPlaneRoleTest} compares with the Role.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class AdapterRequestsTest {

    /** {@code /api/v1/namespaces/NS/RESOURCE[/NAME[/SUBRESOURCE]]} or the same under {@code /apis/GROUP/VERSION}. */
    private static final Pattern RESOURCE_PATH = Pattern.compile(
            "^/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)/namespaces/[^/]+/(?<resource>[^/]+)(?:/(?<name>[^/]+)(?:/(?<sub>[^/]+))?)?$");

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    KubernetesClient client;

    @Test
    void everyRequestIsDeclaredAndGranted() throws InterruptedException {
        server.getKubernetesMockServer().clearExpectations();
        MockCluster cluster = new MockCluster(client);
        cluster.reset();
        cluster.createPod("headlamp-a", Instant.parse("2026-12-04T10:00:00Z"), "headlamp");
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/infra/pods/headlamp-a/log?pretty=false&container=headlamp")
                .andReturn(200, "ready\n")
                .once();
        List<RecordedRequest> setUp = drain(server.getKubernetesMockServer());

        given().get("/api/v1/components/headlamp").then().statusCode(200);
        given().get("/api/v1/components/headlamp/logs").then().statusCode(200);
        given().post("/api/v1/components/headlamp/restart").then().statusCode(200);
        given().post("/api/v1/components/headlamp/stop").then().statusCode(200);
        given().post("/api/v1/components/headlamp/start").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        List<RecordedRequest> sent = drain(server.getKubernetesMockServer());
        // The status cache opens its watches when the application starts, so they may be recorded among the
        // set-up requests. This test's own client never watches, so every watch recorded there is the adapter's.
        setUp.stream()
                .filter(request -> request.getPath().contains("watch=true"))
                .forEach(sent::add);

        Map<String, Set<String>> declared = KubernetesRequest.requiredGrants();
        Map<String, Set<String>> observed = grantsOf(sent);
        for (Map.Entry<String, Set<String>> grant : observed.entrySet()) {
            assertTrue(
                    declared.getOrDefault(grant.getKey(), Set.of()).containsAll(grant.getValue()),
                    "the adapter sent " + grant.getValue() + " on " + grant.getKey() + ", which KubernetesRequest"
                            + " does not declare: " + declared);
        }
        EnumSet<KubernetesRequest> seen = EnumSet.noneOf(KubernetesRequest.class);
        for (KubernetesRequest request : KubernetesRequest.values()) {
            for (String resource : request.resources()) {
                String key = request.apiGroup() + "/" + resource;
                if (observed.getOrDefault(key, Set.of()).contains(request.verb())) {
                    seen.add(request);
                }
            }
        }
        assertEquals(EnumSet.allOf(KubernetesRequest.class), seen, "observed: " + observed);
    }

    /** Maps recorded HTTP requests to RBAC verbs per {@code group/resource}; {@code /version} needs none. */
    private static Map<String, Set<String>> grantsOf(List<RecordedRequest> requests) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (RecordedRequest request : requests) {
            URI uri = URI.create(request.getPath());
            if (uri.getPath().equals("/version")) {
                continue;
            }
            Matcher path = RESOURCE_PATH.matcher(uri.getPath());
            assertTrue(path.matches(), "unexpected request " + request.getMethod() + " " + request.getPath());
            String group = path.group("group") == null ? "" : path.group("group");
            String resource = path.group("resource") + (path.group("sub") == null ? "" : "/" + path.group("sub"));
            boolean named = path.group("name") != null;
            String query = uri.getQuery() == null ? "" : uri.getQuery();
            grants.computeIfAbsent(group + "/" + resource, key -> new TreeSet<>())
                    .add(verbOf(request.getMethod(), named, query));
        }
        return grants;
    }

    private static String verbOf(String method, boolean named, String query) {
        if (method.equals("GET") && query.contains("watch=true")) {
            return "watch";
        }
        return switch (method) {
            case "GET" -> named ? "get" : "list";
            case "PATCH" -> "patch";
            case "PUT" -> "update";
            case "POST" -> "create";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> throw new AssertionError("unexpected method " + method);
        };
    }

    private static List<RecordedRequest> drain(KubernetesMockServer mock) throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = mock.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            requests.add(request);
        }
        return requests;
    }
}
