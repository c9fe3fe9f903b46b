package dev.omnichannel.customer.visit.rest;

import java.time.Instant;
import java.util.UUID;

public record VisitView(UUID customerId, String storeId, Instant at, String channel) {
}
