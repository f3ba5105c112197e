package io.stackpilot.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured API keys, validated when the service starts. Only SHA-256 hashes are kept; a presented key is
 * hashed and compared in constant time against every entry.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-fA-F]{64}$");

    /** One configured key: its name, the hash of its value and the role it grants. */
    public record Entry(String name, byte[] sha256, Role role) {}

    private final List<Entry> entries;

    @Inject
    public ApiKeyRegistry(SecurityConfig config) {
        this.entries = parse(config.apiKeys());
    }

    /** Returns the entry whose hash matches the presented key, if any. */
    public Optional<Entry> match(String presentedKey) {
        byte[] hash = sha256(presentedKey);
        Entry found = null;
        for (Entry entry : entries) {
            // Compare against every entry so the time taken does not tell which one matched.
            if (MessageDigest.isEqual(entry.sha256(), hash) && found == null) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Returns the names of the configured keys, for the start-up log line. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /** Hashes a key's UTF-8 bytes with SHA-256, the form in which keys are configured. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256 implementation", e);
        }
    }

    private static List<Entry> parse(Map<String, SecurityConfig.ApiKey> configured) {
        List<Entry> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, SecurityConfig.ApiKey> key : new LinkedHashMap<>(configured).entrySet()) {
            String prefix = "stackpilot.security.api-keys." + key.getKey();
            String hash = key.getValue().sha256().trim();
            Optional<Role> role = Role.parse(key.getValue().role());
            if (!SHA256_HEX.matcher(hash).matches()) {
                problems.add(prefix + ".sha256 must be 64 hex digits (the output of sha256sum), got " + hash.length()
                        + " characters");
            }
            if (role.isEmpty()) {
                problems.add(prefix + ".role must be viewer or operator, got '"
                        + key.getValue().role() + "'");
            }
            if (SHA256_HEX.matcher(hash).matches() && role.isPresent()) {
                parsed.add(new Entry(key.getKey(), HexFormat.of().parseHex(hash), role.get()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid API key configuration: " + String.join("; ", problems));
        }
        return List.copyOf(parsed);
    }
}
