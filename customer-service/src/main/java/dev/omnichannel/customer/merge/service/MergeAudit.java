package dev.omnichannel.customer.merge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.customer.merge.domain.CustomerMerge;
import dev.omnichannel.customer.merge.domain.MergeRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The audit row of a merge ({@code customer_merge}): who merged, when, what moved (the
 * {@link MergeRecord}, as JSON) and, once undone, who undid it and when.
 */
@ApplicationScoped
class MergeAudit {

    private final ObjectMapper mapper;

    MergeAudit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The row of a merge being made, not persisted yet. */
    CustomerMerge of(UUID survivorId, UUID duplicateId, String actor, String channel, Instant mergedAt,
            MergeRecord record) {
        CustomerMerge merge = new CustomerMerge();
        merge.id = UUID.randomUUID();
        merge.survivorId = survivorId;
        merge.duplicateId = duplicateId;
        merge.actor = orUnknown(actor);
        merge.channel = channel;
        merge.mergedAt = mergedAt;
        merge.moved = toJson(record);
        return merge;
    }

    MergeRecord moved(CustomerMerge merge) {
        try {
            return mapper.readValue(merge.moved, MergeRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merge record is unreadable", e);
        }
    }

    void undone(CustomerMerge merge, String actor, Instant undoneAt) {
        merge.undoneAt = undoneAt;
        merge.undoneBy = orUnknown(actor);
    }

    private static String orUnknown(String actor) {
        return actor == null || actor.isBlank() ? "unknown" : actor;
    }

    private String toJson(MergeRecord record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merge record cannot be written", e);
        }
    }
}
