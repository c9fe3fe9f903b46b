package dev.omnichannel.shared.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens quarkus-oidc has fully verified (signature, issuer, audience, expiry), with the
 * identity it made of each, kept until the token expires. Verifying a token (an RSA signature and
 * two JSON parses of its claims) was two thirds of what the gateway spent on a personalized view,
 * and a large part of every service's requests (they all get the gateway's one token); the same
 * token comes back on every request of its life. Only the exact text of a token
 * that passed finds its identity: a token changed in any byte, or never verified, is verified
 * again, and nothing outlives its token's {@code exp} (with the same grace as quarkus-oidc's).
 * Like any stateless bearer token, one revoked at Keycloak stays valid until it expires.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, long expiresAtNanos) {
    }

    private final Cache<String, Verified> verified;
    private final long graceSeconds;
    private final Counter verifications;
    private final Counter reuses;

    VerifiedTokens(@ConfigProperty(name = "omni.verified-tokens.max-size", defaultValue = "20000") long maxSize,
            @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace") Optional<Integer> lifespanGrace,
            MeterRegistry metrics) {
        this.graceSeconds = lifespanGrace.orElse(0);
        this.verifications = metrics.counter("omni.tokens.verified");
        this.reuses = metrics.counter("omni.tokens.reused");
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String token, Verified entry) -> Duration.ofNanos(
                        Math.max(0, entry.expiresAtNanos() - System.nanoTime()))))
                .build();
    }

    /** The identity of a token verified before and not expired since; null otherwise. */
    public SecurityIdentity identityOf(String token) {
        Verified entry = verified.getIfPresent(token);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos() >= 0) {
            verified.invalidate(token);
            return null;
        }
        reuses.increment();
        return entry.identity();
    }

    /** Keeps what quarkus-oidc made of a token it verified, until the token expires. */
    void keep(String token, SecurityIdentity identity) {
        verifications.increment();
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long secondsLeft = jwt.getExpirationTime() + graceSeconds - Instant.now().getEpochSecond();
        if (secondsLeft > 0) {
            verified.put(token, new Verified(identity, System.nanoTime() + secondsLeft * 1_000_000_000L));
        }
    }
}
