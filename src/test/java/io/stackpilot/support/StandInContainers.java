package io.stackpilot.support;

/**
 * Busybox containers that stand in for a component's workload, so the Docker runtime reports a real state while
 * the component's probe talks to a server in the test JVM.
 */
public final class StandInContainers {

    private static final String IDLE_LOOP = "trap 'exit 0' TERM; while true; do sleep 1 & wait $!; done";

    private StandInContainers() {}

    /** Returns the container name used for a component. */
    public static String nameOf(String component) {
        return "sph-" + component;
    }

    /** Replaces and starts one container per component. */
    public static void run(String... components) {
        for (String component : components) {
            DockerCli.removeContainers(nameOf(component));
            DockerCli.docker("run", "-d", "--name", nameOf(component), DockerCli.TEST_IMAGE, "sh", "-c", IDLE_LOOP);
        }
    }

    public static void stop(String component) {
        DockerCli.docker("stop", "-t", "1", nameOf(component));
    }

    public static void start(String component) {
        DockerCli.docker("start", nameOf(component));
    }

    public static void remove(String... components) {
        for (String component : components) {
            DockerCli.removeContainers(nameOf(component));
        }
    }
}
