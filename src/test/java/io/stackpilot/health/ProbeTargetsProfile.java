package io.stackpilot.health;

import io.stackpilot.support.ServersResource;
import java.util.Map;

/** Runs the application against {@link ProbeTargets} with the health cache off, so every request probes anew. */
public class ProbeTargetsProfile extends HealthTestProfile {

    public ProbeTargetsProfile() {
        super("probes", "0s", Resource.class);
    }

    /** Starts {@link ProbeTargets}. */
    public static class Resource extends ServersResource<ProbeTargets> {

        public Resource() {
            super(ProbeTargets.class);
        }

        @Override
        protected ProbeTargets startServers() {
            return ProbeTargets.start();
        }

        @Override
        protected Map<String, String> configFor(ProbeTargets targets) {
            return targets.catalog();
        }
    }
}
