package dev.omnichannel.customer.profile.repository;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** Follows merges from {@code id} to the active customer it is now, if any (erased ends the chain). */
    private static final String ACTIVE_SURVIVOR = """
            WITH RECURSIVE chain (id, status, merged_into, depth) AS (
                SELECT id, status, merged_into, 0 FROM customer WHERE id = ?1
                UNION ALL
                SELECT c.id, c.status, c.merged_into, chain.depth + 1
                FROM customer c JOIN chain ON c.id = chain.merged_into
                WHERE chain.status = 'merged' AND chain.depth < 64)
            SELECT CAST(id AS text) FROM chain WHERE status = 'active'
            """;

    /** The active customer {@code id} is or was merged into; null when unknown or erased. */
    public Uni<UUID> activeIdOf(UUID id) {
        return Sql.ids(ACTIVE_SURVIVOR, id).map(ids -> ids.isEmpty() ? null : ids.getFirst());
    }

    public Uni<Customer> findActive(UUID id) {
        return activeIdOf(id).chain(active -> active == null ? Uni.createFrom().nullItem() : findById(active));
    }

    public Uni<Customer> requireActive(UUID id) {
        return findActive(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    /**
     * Locks the active customer {@code id} resolves to, for the rest of the transaction: every
     * change of a customer (requests, events, merges) goes through this lock, one at a time.
     */
    public Uni<Customer> lockActive(UUID id) {
        return lockActive(id, 3);
    }

    public Uni<Customer> requireLockedActive(UUID id) {
        return lockActive(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    private Uni<Customer> lockActive(UUID id, int attempts) {
        return activeIdOf(id).chain(active -> active == null
                ? Uni.createFrom().<Customer>nullItem()
                : findById(active, LockModeType.PESSIMISTIC_WRITE).chain(locked -> {
                    if (locked != null && locked.isActive()) {
                        return Uni.createFrom().item(locked);
                    }
                    // merged or erased between the look-up and the lock: follow it once more
                    return attempts > 1 ? lockActive(id, attempts - 1) : Uni.createFrom().nullItem();
                }));
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No customer " + id);
    }
}
