package dev.omnichannel.gateway.ratelimit.service;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled at {@code refillPerSecond}.
 * Time is passed in (nanoseconds) so the arithmetic is testable without waiting.
 */
public final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int capacity, double refillPerSecond, long now) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs a capacity >= 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.tokensPerNano = refillPerSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token: 0 when granted, else the nanoseconds until one is available. */
    public synchronized long take(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
