package io.stackpilot.health.probe;

import io.stackpilot.catalog.ProbeSpec;
import io.stackpilot.health.HealthStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks ZooKeeper with four-letter words: {@code ruok} must return {@code imok}, and {@code srvr} adds the mode
 * and version.
 *
 * <p>ZooKeeper 3.5 and later run only the words listed in {@code 4lw.commands.whitelist} and reply to the others
 * with "... is not executed because it is not in the whitelist." ZooKeeper 3.9 always allows {@code srvr}, so when
 * {@code ruok} is refused the probe decides on the {@code srvr} reply. A reply it does not understand is
 * {@code unknown}, never {@code up}.
 */
@ApplicationScoped
public class ZooKeeperProbe {

    private static final Pattern VERSION = Pattern.compile("(?m)^Zookeeper version:\\s*([^,\\s]+)");
    private static final Pattern MODE = Pattern.compile("(?m)^Mode:\\s*(\\S+)");
    private static final String NOT_ALLOWED = "not in the whitelist";
    private static final String NOT_SERVING = "not currently serving requests";

    public ProbeResult probe(ProbeSpec.ZooKeeper spec, Deadline deadline) {
        String target = spec.host() + ":" + spec.port();
        String ruok;
        try {
            ruok = fourLetterWord(spec, "ruok", deadline);
        } catch (IOException e) {
            return ProbeResult.down(
                    "ZooKeeper at " + target + " did not answer ruok: " + Sockets.describe(e, deadline));
        }

        if (ruok.strip().equals("imok")) {
            return afterImok(spec, deadline, target);
        }
        if (ruok.contains(NOT_ALLOWED)) {
            return fromSrvrOnly(spec, deadline, target);
        }
        if (ruok.isBlank()) {
            // ZooKeeper closes the connection without a reply to ruok when it is in an error state.
            return ProbeResult.down("ZooKeeper at " + target + " closed the connection without answering ruok");
        }
        return ProbeResult.unknown("ZooKeeper at " + target + " answered ruok with '" + TcpProbe.abbreviate(ruok)
                + "' instead of imok; check that " + target + " is a ZooKeeper server");
    }

    /** {@code ruok} succeeded; {@code srvr} adds mode and version, and overrules when the server does not serve. */
    private ProbeResult afterImok(ProbeSpec.ZooKeeper spec, Deadline deadline, String target) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ruok", "imok");
        Optional<String> srvr = tryFourLetterWord(spec, "srvr", deadline);
        if (srvr.isEmpty() || srvr.get().contains(NOT_ALLOWED)) {
            return ProbeResult.up(details);
        }
        ProbeResult fromSrvr = interpretSrvr(srvr.get(), target, details);
        return fromSrvr.status() == HealthStatus.UNKNOWN ? ProbeResult.up(details) : fromSrvr;
    }

    private ProbeResult fromSrvrOnly(ProbeSpec.ZooKeeper spec, Deadline deadline, String target) {
        String srvr;
        try {
            srvr = fourLetterWord(spec, "srvr", deadline);
        } catch (IOException e) {
            return ProbeResult.down("ZooKeeper at " + target + " refused ruok and did not answer srvr: "
                    + Sockets.describe(e, deadline));
        }
        if (srvr.contains(NOT_ALLOWED)) {
            return ProbeResult.unknown("ZooKeeper at " + target + " allows neither ruok nor srvr, so its health"
                    + " cannot be read; add ruok,srvr to 4lw.commands.whitelist");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ruok", "not allowed");
        return interpretSrvr(srvr, target, details);
    }

    /** Reads mode and version from a {@code srvr} reply into {@code details} and decides on them. */
    private static ProbeResult interpretSrvr(String srvr, String target, Map<String, Object> details) {
        if (srvr.contains(NOT_SERVING)) {
            return ProbeResult.down("ZooKeeper at " + target + " is running but not serving requests", details);
        }
        Matcher mode = MODE.matcher(srvr);
        if (!mode.find()) {
            return ProbeResult.unknown(
                    "ZooKeeper at " + target + " answered srvr without a mode: '" + TcpProbe.abbreviate(srvr) + "'");
        }
        details.put("mode", mode.group(1));
        Matcher version = VERSION.matcher(srvr);
        if (version.find()) {
            details.put("version", version.group(1));
        }
        if (mode.group(1).equals("read-only")) {
            return new ProbeResult(
                    HealthStatus.DEGRADED,
                    "ZooKeeper at " + target + " is in read-only mode: it has lost its quorum and rejects writes",
                    details);
        }
        return ProbeResult.up(details);
    }

    private static Optional<String> tryFourLetterWord(ProbeSpec.ZooKeeper spec, String word, Deadline deadline) {
        try {
            return Optional.of(fourLetterWord(spec, word, deadline));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sends one four-letter word on a new connection and reads until ZooKeeper closes it. */
    private static String fourLetterWord(ProbeSpec.ZooKeeper spec, String word, Deadline deadline) throws IOException {
        try (Socket socket = Sockets.connect(spec.host(), spec.port(), deadline)) {
            return Sockets.exchange(socket, word.getBytes(StandardCharsets.US_ASCII), deadline, reply -> false);
        }
    }
}
