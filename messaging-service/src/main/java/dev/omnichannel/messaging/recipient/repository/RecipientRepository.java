package dev.omnichannel.messaging.recipient.repository;

import dev.omnichannel.messaging.recipient.domain.RecipientEntity;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import dev.omnichannel.messaging.support.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<RecipientEntity, String> {

    private final Json json;

    RecipientRepository(Json json) {
        this.json = json;
    }

    /** The customer an address belongs to (the most recently updated one if several still share it). */
    public Uni<String> customerByAddress(SenderAddress address) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT a.customer_id FROM recipient_address a JOIN recipient r ON r.customer_id = a.customer_id
                WHERE a.kind = ?1 AND a.value = ?2 AND NOT r.erased
                ORDER BY r.updated_at DESC LIMIT 1""", String.class)
                .setParameter(1, address.kind()).setParameter(2, address.value())
                .getSingleResultOrNull());
    }

    public Uni<Void> replaceAddresses(String customerId, List<SenderAddress> addresses) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM recipient_address WHERE customer_id = ?1")
                .setParameter(1, customerId).executeUpdate()
                .chain(() -> Multi.createFrom().range(0, addresses.size())
                        .onItem().transformToUniAndConcatenate(i -> session.createNativeQuery(
                                "INSERT INTO recipient_address (customer_id, kind, value, position) VALUES (?1, ?2, ?3, ?4) "
                                        + "ON CONFLICT DO NOTHING")
                                .setParameter(1, customerId).setParameter(2, addresses.get(i).kind())
                                .setParameter(3, addresses.get(i).value()).setParameter(4, i)
                                .executeUpdate())
                        .collect().last()
                        .replaceWithVoid()));
    }

    /** The customer's segments become these, in one statement (a snapshot usually changes none of them). */
    public Uni<Void> replaceSegments(String customerId, List<String> segments) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                WITH wanted AS (SELECT jsonb_array_elements_text(CAST(CAST(?2 AS text) AS jsonb)) AS segment),
                     gone AS (DELETE FROM recipient_segment
                              WHERE customer_id = CAST(?1 AS text) AND segment NOT IN (SELECT segment FROM wanted))
                INSERT INTO recipient_segment (customer_id, segment) SELECT CAST(?1 AS text), segment FROM wanted
                ON CONFLICT DO NOTHING""")
                .setParameter(1, customerId).setParameter(2, json.write(segments))
                .executeUpdate().replaceWithVoid());
    }

    /** Members of a segment who can still be written to. */
    public Uni<List<String>> segmentMembers(String segment) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT s.customer_id FROM recipient_segment s JOIN recipient r ON r.customer_id = s.customer_id
                WHERE s.segment = ?1 AND NOT r.erased ORDER BY s.customer_id""", String.class)
                .setParameter(1, segment)
                .getResultList());
    }

    public Uni<String> survivorOf(String customerId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT survivor_id FROM customer_alias WHERE merged_id = ?1", String.class)
                .setParameter(1, customerId)
                .getSingleResultOrNull());
    }

    public Uni<Void> addAlias(String mergedId, String survivorId, String mergeId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO customer_alias (merged_id, survivor_id, merge_id) VALUES (?1, ?2, ?3)
                ON CONFLICT (merged_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id, merge_id = EXCLUDED.merge_id""")
                .setParameter(1, mergedId).setParameter(2, survivorId).setParameter(3, mergeId)
                .executeUpdate()
                // a customer merged earlier into the duplicate now means the survivor too
                .chain(() -> session.createNativeQuery("UPDATE customer_alias SET survivor_id = ?2 WHERE survivor_id = ?1")
                        .setParameter(1, mergedId).setParameter(2, survivorId).executeUpdate())
                .replaceWithVoid());
    }

    public Uni<Void> removeAlias(String restoredId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM customer_alias WHERE merged_id = ?1")
                .setParameter(1, restoredId).executeUpdate()
                .replaceWithVoid());
    }

    /** Keeps the newest snapshot of a merged-away customer aside. */
    public Uni<Void> keepDormant(String customerId, long version, String snapshot) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO dormant_snapshot (customer_id, version, snapshot) VALUES (?1, ?2, ?3)
                ON CONFLICT (customer_id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot
                WHERE dormant_snapshot.version < EXCLUDED.version""")
                .setParameter(1, customerId).setParameter(2, version).setParameter(3, snapshot)
                .executeUpdate()
                .replaceWithVoid());
    }

    /** The snapshot kept aside for this customer, removed from aside; null if none. */
    public Uni<String> takeDormant(String customerId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM dormant_snapshot WHERE customer_id = ?1 RETURNING snapshot", String.class)
                .setParameter(1, customerId)
                .getSingleResultOrNull());
    }
}
