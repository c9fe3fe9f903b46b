package dev.omnichannel.customer.timeline.service;

import java.time.Instant;

/**
 * Something another service reported about a customer, ready for the timeline.
 *
 * @param customerId the id the event named (may be a merged-away profile)
 * @param byCustomer whether the customer did it (counts as activity, against {@code lapsed})
 */
public record Happening(String customerId, Instant at, String channel, String kind, String summary, String ref,
        boolean byCustomer) {
}
