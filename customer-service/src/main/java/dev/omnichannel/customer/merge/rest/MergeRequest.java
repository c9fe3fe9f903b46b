package dev.omnichannel.customer.merge.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record MergeRequest(@NotNull UUID duplicateId) {
}
