package dev.omnichannel.customer.gdpr.service;

import dev.omnichannel.customer.support.Sql;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** A customer and every profile merged into it, directly or through other merges. */
final class ProfileTree {

    private ProfileTree() {
    }

    static Uni<List<UUID>> mergedInto(UUID customerId) {
        return Sql.ids("""
                WITH RECURSIVE tree (id, depth) AS (
                    SELECT id, 0 FROM customer WHERE merged_into = ?1 AND status <> 'active'
                    UNION
                    SELECT c.id, tree.depth + 1 FROM customer c JOIN tree ON c.merged_into = tree.id
                    WHERE c.status <> 'active' AND tree.depth < 64)
                SELECT CAST(id AS text) FROM tree
                """, customerId);
    }
}
