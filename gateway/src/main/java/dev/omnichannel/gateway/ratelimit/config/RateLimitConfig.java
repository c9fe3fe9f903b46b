package dev.omnichannel.gateway.ratelimit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Token-bucket rates, held in memory by each replica (so the effective limit scales with replicas). */
@ConfigMapping(prefix = "omni.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Per channel client ({@code azp}): all of a client's callers together. */
    Limit perClient();

    /** Per client, when a client needs its own rate, by {@code azp}. */
    Map<String, Limit> clients();

    /** Per user (token subject): one customer or one member of staff. */
    Limit perUser();

    /** Per remote address, for callers without a token (guest carts, product pages, webhooks). */
    Limit anonymous();

    interface Limit {

        int capacity();

        double refillPerSecond();
    }
}
