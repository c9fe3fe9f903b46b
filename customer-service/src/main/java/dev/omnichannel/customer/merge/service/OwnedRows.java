package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.support.Sql;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * The rows a merge only hands to the survivor (identities, timeline entries, store visits,
 * purchases), and an undo hands back by the ids it recorded.
 */
final class OwnedRows {

    private OwnedRows() {
    }

    static Uni<Void> merge(UUID survivorId, UUID duplicateId) {
        return Sql.inOrder(
                () -> Sql.update("UPDATE customer_identity SET customer_id = ?1 WHERE customer_id = ?2", survivorId, duplicateId),
                () -> Sql.update("UPDATE timeline_entry SET customer_id = ?1 WHERE customer_id = ?2", survivorId, duplicateId),
                () -> Sql.update("UPDATE store_visit SET customer_id = ?1 WHERE customer_id = ?2", survivorId, duplicateId),
                () -> Sql.update("UPDATE purchase SET customer_id = ?1 WHERE customer_id = ?2", survivorId, duplicateId));
    }

    /** Timeline entries that named the duplicate (their subject) go back too, those written since the merge included. */
    static Uni<Void> undo(UUID survivorId, UUID duplicateId, MergeRecord record) {
        return Sql.inOrder(
                () -> moveBack("customer_identity", record.identityIds(), survivorId, duplicateId),
                () -> Sql.update("""
                        UPDATE timeline_entry SET customer_id = ?1
                        WHERE customer_id = ?2 AND (subject_id = ?1 OR id = ANY(CAST(string_to_array(?3, ',') AS uuid[])))
                        """, duplicateId, survivorId, Sql.idArray(record.timelineIds())),
                () -> moveBack("store_visit", record.visitIds(), survivorId, duplicateId),
                () -> moveBack("purchase", record.purchaseIds(), survivorId, duplicateId));
    }

    private static Uni<Integer> moveBack(String table, List<UUID> ids, UUID survivorId, UUID duplicateId) {
        return Sql.update("UPDATE " + table + " SET customer_id = ?1 WHERE customer_id = ?2 "
                + "AND id = ANY(CAST(string_to_array(?3, ',') AS uuid[]))", duplicateId, survivorId, Sql.idArray(ids));
    }
}
