package io.stackpilot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's own {@code k8s/} manifests, read in the order {@code kustomization.yaml} lists them and
 * parsed by the fabric8 client, so tests check and use exactly what {@code kubectl apply -k k8s/} applies.
 */
public final class K8sManifests {

    public static final Path DIR = Path.of("k8s");

    private K8sManifests() {}

    /** Returns the files that {@code kustomization.yaml} lists under {@code resources}. */
    public static List<String> files() {
        try {
            JsonNode kustomization =
                    new YAMLMapper().readTree(DIR.resolve("kustomization.yaml").toFile());
            List<String> files = new ArrayList<>();
            kustomization.path("resources").forEach(entry -> files.add(entry.asText()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("k8s/kustomization.yaml could not be read", e);
        }
    }

    /** Parses every listed file with the client's {@code load}; nothing is sent to a server. */
    public static List<HasMetadata> load(KubernetesClient client) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String file : files()) {
            try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
                resources.addAll(client.load(in).items());
            } catch (IOException e) {
                throw new UncheckedIOException("k8s/" + file + " could not be read", e);
            }
        }
        return resources;
    }

    /**
     * Replaces everything the manifests define on the server with a fresh copy, and deletes the pods in
     * {@code namespace}, so each test starts from what the manifests declare.
     */
    public static List<HasMetadata> applyFresh(KubernetesClient client, String namespace) {
        List<HasMetadata> resources = load(client);
        client.pods().inNamespace(namespace).delete();
        for (HasMetadata resource : resources) {
            client.resource(resource).delete();
        }
        for (HasMetadata resource : resources) {
            client.resource(resource).create();
        }
        return resources;
    }

    /** Finds one resource by kind and name. */
    public static <T extends HasMetadata> T find(List<HasMetadata> resources, Class<T> type, String name) {
        return resources.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(resource -> name.equals(resource.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "k8s/ defines no " + type.getSimpleName() + " named " + name + "; found " + names(resources)));
    }

    private static List<String> names(List<HasMetadata> resources) {
        return resources.stream()
                .map(r -> r.getKind() + " " + r.getMetadata().getName())
                .toList();
    }
}
