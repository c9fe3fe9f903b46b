package dev.omnichannel.messaging.analytics.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** {@code GET /analytics/channels}: per channel, what was sent and what followed. */
@RegisterForReflection
public record ChannelReport(Instant from, Instant to, List<ChannelStats> channels) {

    /** @param conversion (reservations + orders) / sent, 0 when nothing was sent */
    @RegisterForReflection
    public record ChannelStats(String channel, long sent, long delivered, long failed, long opened, long clicked,
            long reservations, long orders, double conversion) {
    }
}
