package dev.omnichannel.gateway.ratelimit.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnichannel.gateway.ratelimit.config.RateLimitConfig;
import dev.omnichannel.gateway.ratelimit.service.TokenBucket;
import dev.omnichannel.gateway.security.domain.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Admits a request when each bucket it draws from has a token: the client's (or, without a token,
 * the remote address's) and the user's. Buckets unused for a while are dropped.
 */
@ApplicationScoped
public class RateLimiter {

    /** Which limit refused, and when to retry. */
    public record Refusal(String limit, Duration retryAfter) {
    }

    private final RateLimitConfig config;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    public RateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    public Optional<Refusal> admit(Caller caller) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (caller.isAnonymous()) {
            return take("address:" + caller.address(), config.anonymous(), now, "per-address");
        }
        Optional<Refusal> client = take("client:" + caller.clientId(),
                config.clients().getOrDefault(caller.clientId(), config.perClient()), now, "per-client");
        if (client.isPresent() || caller.isKiosk()) {
            return client;
        }
        return take("user:" + caller.subject(), config.perUser(), now, caller.isCustomer() ? "per-customer" : "per-user");
    }

    private Optional<Refusal> take(String key, RateLimitConfig.Limit limit, long now, String name) {
        long wait = buckets.get(key, k -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now)).take(now);
        return wait == 0 ? Optional.empty() : Optional.of(new Refusal(name, Duration.ofNanos(wait)));
    }
}
