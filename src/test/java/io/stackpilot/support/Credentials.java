package io.stackpilot.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Tokens and API keys for the service started with {@link SecuredProfile}. */
public final class Credentials {

    public static final String ISSUER = "https://stackpilot.test";
    public static final String OPERATOR_KEY = "sp-test-operator-key";
    public static final String VIEWER_KEY = "sp-test-viewer-key";
    public static final String UNKNOWN_KEY = "sp-test-key-that-is-not-configured";

    private Credentials() {}

    /** Returns a valid token for {@code user} holding {@code groups}, signed by the key the service trusts. */
    public static String token(String user, String... groups) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .groups(Set.of(groups))
                .expiresIn(Duration.ofMinutes(10))
                .sign(trustedKey());
    }

    /** Returns a token that expired an hour ago, otherwise valid. */
    public static String expiredToken(String user, String... groups) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .upn(user)
                .groups(Set.of(groups))
                .issuedAt(now.minus(Duration.ofHours(2)))
                .expiresAt(now.minus(Duration.ofHours(1)))
                .sign(trustedKey());
    }

    /** Returns a token with every claim right but signed by a key the service does not trust. */
    public static String foreignToken(String user, String... groups) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER)
                    .upn(user)
                    .groups(Set.of(groups))
                    .expiresIn(Duration.ofMinutes(10))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    /** Returns a token signed by the trusted key but issued by another issuer. */
    public static String otherIssuerToken(String user, String... groups) {
        return Jwt.issuer("https://elsewhere.test")
                .upn(user)
                .groups(Set.of(groups))
                .expiresIn(Duration.ofMinutes(10))
                .sign(trustedKey());
    }

    private static PrivateKey trustedKey() {
        try {
            return KeyUtils.readPrivateKey("security/test-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the test signing key security/test-private.pem", e);
        }
    }
}
