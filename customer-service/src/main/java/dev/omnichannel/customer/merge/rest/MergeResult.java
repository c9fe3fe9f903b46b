package dev.omnichannel.customer.merge.rest;

import java.util.UUID;

public record MergeResult(UUID mergeId, UUID survivorId, UUID duplicateId) {
}
