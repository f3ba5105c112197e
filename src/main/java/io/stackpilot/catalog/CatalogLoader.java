package io.stackpilot.catalog;

import io.stackpilot.catalog.CatalogConfig.ComponentConfig;
import io.stackpilot.catalog.CatalogConfig.DockerTarget;
import io.stackpilot.catalog.CatalogConfig.KubernetesTarget;
import io.stackpilot.catalog.CatalogConfig.ProbeConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link CatalogConfig} into validated {@link Component}s.
 *
 * <p>Every problem is collected before failing, and each message names the configuration key, so one start
 * attempt shows everything that has to be fixed.
 */
public final class CatalogLoader {

    /** Catalog names are also REST path segments and label-safe identifiers. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    /** A Kafka bootstrap server: host name, IPv4 address or bracketed IPv6 address, then a port. */
    private static final Pattern HOST_PORT =
            Pattern.compile("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+):([1-9][0-9]{0,4})$");

    private static final Pattern STATUS_RANGE = Pattern.compile("^(\\d{3})(?:\\s*-\\s*(\\d{3}))?$");

    private final List<String> problems = new ArrayList<>();
    private final Duration defaultProbeTimeout;

    private CatalogLoader(Duration defaultProbeTimeout) {
        this.defaultProbeTimeout = defaultProbeTimeout;
    }

    /**
     * Validates the configured catalog.
     *
     * @return components by name, in start order
     * @throws CatalogException naming every invalid key
     */
    public static Map<String, Component> load(CatalogConfig config) {
        return new CatalogLoader(config.defaultProbeTimeout()).validate(config);
    }

    private Map<String, Component> validate(CatalogConfig config) {
        Map<String, Component> byName = new TreeMap<>();
        config.components().forEach((name, entry) -> toComponent(name, entry).ifPresent(c -> byName.put(name, c)));
        checkDependencies(config, byName);
        checkCycles(byName);
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }

        DependencyGraph graph = graphOf(byName);
        Map<String, Component> ordered = new LinkedHashMap<>();
        graph.topologicalOrder().forEach(name -> ordered.put(name, byName.get(name)));
        return ordered;
    }

    /** Builds the dependency graph of already validated components. */
    public static DependencyGraph graphOf(Map<String, Component> components) {
        Map<String, List<String>> edges = new TreeMap<>();
        components.forEach((name, component) -> edges.put(name, component.dependsOn()));
        return new DependencyGraph(edges);
    }

    private Optional<Component> toComponent(String name, ComponentConfig entry) {
        int before = problems.size();
        if (!NAME.matcher(name).matches()) {
            problems.add("stackpilot.components." + name + ": invalid component name '" + name
                    + "'; use 1-63 lower-case letters, digits and '-', starting with a letter or digit");
        }

        Optional<RuntimeKind> runtime = RuntimeKind.parse(entry.runtime());
        if (runtime.isEmpty()) {
            problems.add(
                    key(name, "runtime") + ": unknown runtime '" + entry.runtime() + "'; use 'docker' or 'kubernetes'");
        }
        WorkloadRef workload =
                runtime.map(kind -> workloadOf(name, kind, entry)).orElse(null);
        Optional<ProbeSpec> probe = entry.probe().flatMap(config -> probeOf(name, config));

        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Component(
                name,
                runtime.get(),
                entry.description().orElse(""),
                entry.dependsOn().orElse(List.of()),
                entry.critical(),
                workload,
                probe,
                entry.startTimeout()));
    }

    private WorkloadRef workloadOf(String name, RuntimeKind runtime, ComponentConfig entry) {
        return switch (runtime) {
            case DOCKER -> dockerWorkload(name, entry.docker());
            case KUBERNETES -> kubernetesWorkload(name, entry.kubernetes());
        };
    }

    private WorkloadRef dockerWorkload(String name, Optional<DockerTarget> target) {
        Optional<String> project = target.flatMap(DockerTarget::project).filter(s -> !s.isBlank());
        Optional<String> service = target.flatMap(DockerTarget::service).filter(s -> !s.isBlank());
        Optional<String> containerName =
                target.flatMap(DockerTarget::containerName).filter(s -> !s.isBlank());
        if (project.isPresent() != service.isPresent()) {
            problems.add(key(name, "docker") + ": 'project' and 'service' must be set together to match the"
                    + " com.docker.compose.project and com.docker.compose.service labels");
        } else if (project.isEmpty() && containerName.isEmpty()) {
            problems.add(key(name, "docker") + ": a Docker component needs either 'project' and 'service'"
                    + " (Compose labels) or 'container-name'");
        }
        return new WorkloadRef.Docker(project, service, containerName);
    }

    private WorkloadRef kubernetesWorkload(String name, Optional<KubernetesTarget> target) {
        if (target.isEmpty()) {
            problems.add(key(name, "kubernetes") + ": a Kubernetes component needs 'namespace', 'kind' and 'name'");
            return null;
        }
        Optional<WorkloadRef.WorkloadKind> kind =
                WorkloadRef.WorkloadKind.parse(target.get().kind());
        if (kind.isEmpty()) {
            problems.add(key(name, "kubernetes.kind") + ": unknown kind '"
                    + target.get().kind() + "'; use 'Deployment' or 'StatefulSet'");
            return null;
        }
        return new WorkloadRef.Kubernetes(
                target.get().namespace(), kind.get(), target.get().name());
    }

    private Optional<ProbeSpec> probeOf(String name, ProbeConfig config) {
        Duration timeout = config.timeout().orElse(defaultProbeTimeout);
        if (timeout.isNegative() || timeout.isZero()) {
            String key =
                    config.timeout().isPresent() ? key(name, "probe.timeout") : "stackpilot.health.default-timeout";
            problems.add(key + ": must be positive, got " + timeout);
            return Optional.empty();
        }
        String kind = config.kind().trim().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("tcp") && (config.send().isPresent() || config.expect().isPresent())) {
            problems.add(key(name, "probe") + ": 'send' and 'expect' apply only to tcp probes, not to '" + config.kind()
                    + "'; remove them");
            return Optional.empty();
        }
        return switch (kind) {
            case "kafka" -> kafkaProbe(name, config, timeout);
            case "zookeeper" ->
                hostPort(name, config).map(hp -> new ProbeSpec.ZooKeeper(hp.host(), hp.port(), timeout));
            case "tcp" -> tcpProbe(name, config, timeout);
            case "http" -> httpProbe(name, config, timeout);
            default -> {
                problems.add(key(name, "probe.kind") + ": unknown probe kind '" + config.kind()
                        + "'; use 'kafka', 'zookeeper', 'http' or 'tcp'");
                yield Optional.empty();
            }
        };
    }

    private Optional<ProbeSpec> kafkaProbe(String name, ProbeConfig config, Duration timeout) {
        List<String> servers = config.bootstrapServers().orElse(List.of());
        if (servers.isEmpty()) {
            problems.add(key(name, "probe.bootstrap-servers") + ": a kafka probe needs at least one host:port");
            return Optional.empty();
        }
        List<String> invalid =
                servers.stream().filter(server -> !isHostPort(server.trim())).toList();
        if (!invalid.isEmpty()) {
            problems.add(key(name, "probe.bootstrap-servers") + ": invalid entries " + invalid
                    + "; write each as host:port, such as localhost:9092");
            return Optional.empty();
        }
        return Optional.of(
                new ProbeSpec.Kafka(servers.stream().map(String::trim).toList(), timeout));
    }

    private Optional<ProbeSpec> tcpProbe(String name, ProbeConfig config, Duration timeout) {
        if (config.send().isPresent() && config.expect().isEmpty()) {
            problems.add(key(name, "probe.send") + ": 'send' needs 'expect', the text the reply must contain");
            return Optional.empty();
        }
        if (config.expect().filter(String::isEmpty).isPresent()) {
            problems.add(key(name, "probe.expect") + ": must not be empty; remove it to only connect");
            return Optional.empty();
        }
        return hostPort(name, config)
                .map(hp -> new ProbeSpec.Tcp(hp.host(), hp.port(), config.send(), config.expect(), timeout));
    }

    private static boolean isHostPort(String server) {
        Matcher matcher = HOST_PORT.matcher(server);
        return matcher.matches() && Integer.parseInt(matcher.group(2)) <= 65535;
    }

    private record HostPort(String host, int port) {}

    private Optional<HostPort> hostPort(String name, ProbeConfig config) {
        if (config.host().isEmpty() || config.port().isEmpty()) {
            problems.add(key(name, "probe") + ": a " + config.kind() + " probe needs 'host' and 'port'");
            return Optional.empty();
        }
        int port = config.port().get();
        if (port < 1 || port > 65535) {
            problems.add(key(name, "probe.port") + ": port " + port + " is out of range 1-65535");
            return Optional.empty();
        }
        return Optional.of(new HostPort(config.host().get(), port));
    }

    private Optional<ProbeSpec> httpProbe(String name, ProbeConfig config, Duration timeout) {
        if (config.url().isEmpty()) {
            problems.add(key(name, "probe.url") + ": an http probe needs a URL");
            return Optional.empty();
        }
        URI url;
        try {
            url = new URI(config.url().get());
        } catch (URISyntaxException e) {
            problems.add(
                    key(name, "probe.url") + ": invalid URL '" + config.url().get() + "': " + e.getReason());
            return Optional.empty();
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            problems.add(key(name, "probe.url") + ": URL '" + url + "' must start with http:// or https://");
            return Optional.empty();
        }
        if (url.getRawUserInfo() != null) {
            problems.add(key(name, "probe.url") + ": remove the user info from the URL; the http probe sends no"
                    + " credentials and would show them in health reasons");
            return Optional.empty();
        }
        Matcher range = STATUS_RANGE.matcher(config.expectedStatus().trim());
        if (!range.matches()) {
            problems.add(key(name, "probe.expected-status") + ": invalid status range '" + config.expectedStatus()
                    + "'; use one code such as 200 or a range such as 200-399");
            return Optional.empty();
        }
        int min = Integer.parseInt(range.group(1));
        int max = range.group(2) == null ? min : Integer.parseInt(range.group(2));
        if (min > max) {
            problems.add(key(name, "probe.expected-status") + ": range '" + config.expectedStatus()
                    + "' is empty; put the lower code first");
            return Optional.empty();
        }
        return Optional.of(new ProbeSpec.Http(url, min, max, timeout));
    }

    /** Looks for a cycle among the valid components, ignoring dependencies already reported as missing or on itself. */
    private void checkCycles(Map<String, Component> valid) {
        Map<String, List<String>> edges = new TreeMap<>();
        valid.forEach((name, component) -> edges.put(
                name,
                component.dependsOn().stream()
                        .filter(dependency -> valid.containsKey(dependency) && !dependency.equals(name))
                        .toList()));
        new DependencyGraph(edges)
                .findCycle()
                .ifPresent(cycle -> problems.add(key(cycle.get(0), "depends-on") + ": dependency cycle "
                        + String.join(" -> ", cycle) + "; remove one of these dependencies"));
    }

    private void checkDependencies(CatalogConfig config, Map<String, Component> valid) {
        config.components().forEach((name, entry) -> {
            for (String dependency : entry.dependsOn().orElse(List.of())) {
                if (dependency.equals(name)) {
                    problems.add(key(name, "depends-on") + ": '" + name + "' depends on itself");
                } else if (!config.components().containsKey(dependency)) {
                    problems.add(key(name, "depends-on") + ": dependency '" + dependency
                            + "' is not in the catalog; declare stackpilot.components." + dependency
                            + " or remove it");
                }
            }
        });
    }

    private static String key(String component, String property) {
        return "stackpilot.components." + component + "." + property;
    }
}
