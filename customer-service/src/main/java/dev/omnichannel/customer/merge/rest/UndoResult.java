package dev.omnichannel.customer.merge.rest;

import java.util.UUID;

public record UndoResult(UUID mergeId, UUID survivorId, UUID restoredId) {
}
