package dev.omnichannel.customer.gdpr.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.personal.PersonalDataKeys;
import dev.omnichannel.shared.events.customer.CustomerErased;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * GDPR erasure: every personal datum of the customer, and of the profiles merged into it, is
 * deleted; only tombstone ids remain, so references to them (merges, other services' events)
 * still resolve, to "erased". Their personal data keys go too, so the snapshots they published
 * stay sealed on every topic. {@code customer.erased} tells every other service to erase too.
 */
@ApplicationScoped
public class ErasureService {

    /** Tables whose rows are entirely about one customer. */
    private static final List<String> PERSONAL_TABLES = List.of("customer_identity", "consent", "wishlist_item",
            "timeline_entry", "store_visit", "purchase", "customer_segment");

    private final CustomerRepository customers;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;
    private final PersonalDataKeys keys;

    ErasureService(CustomerRepository customers, ProfileChanges changes, IdempotentRequests idempotent,
            PersonalDataKeys keys) {
        this.customers = customers;
        this.changes = changes;
        this.idempotent = idempotent;
        this.keys = keys;
    }

    public record Erased(UUID customerId, List<UUID> erasedIds) {
    }

    @WithTransaction
    public Uni<Erased> erase(UUID id, String idempotencyKey) {
        return idempotent.once(idempotencyKey, "erase", id, Erased.class,
                () -> customers.requireLockedActive(id).chain(customer -> ProfileTree.mergedInto(customer.id)
                        .chain(merged -> {
                            List<UUID> all = new ArrayList<>();
                            all.add(customer.id);
                            all.addAll(merged);
                            return wipe(customer, all).replaceWith(new Erased(customer.id, all));
                        })));
    }

    private Uni<Void> wipe(Customer customer, List<UUID> ids) {
        String idArray = Sql.idArray(ids);
        String anyId = "= ANY(CAST(string_to_array(?1, ',') AS uuid[]))";
        List<Supplier<Uni<?>>> steps = new ArrayList<>();
        for (String table : PERSONAL_TABLES) {
            steps.add(() -> Sql.update("DELETE FROM " + table + " WHERE customer_id " + anyId, idArray));
        }
        // carts: the customers' own, and the guest carts merged into them (cart_item rows cascade)
        steps.add(() -> Sql.update("DELETE FROM cart WHERE customer_id " + anyId + " OR merged_into " + anyId, idArray));
        // merge audits keep who merged which ids when, not what the profiles held
        steps.add(() -> Sql.update("UPDATE customer_merge SET moved = NULL WHERE survivor_id " + anyId
                + " OR duplicate_id " + anyId, idArray));
        steps.add(() -> Sql.update("""
                UPDATE customer SET display_name = NULL, preferred_channel = NULL, preferred_store_id = NULL,
                    language = NULL, time_zone = NULL, quiet_start = NULL, quiet_end = NULL,
                    status = 'erased', erased_at = ?2
                WHERE id <> ?3 AND id""" + " " + anyId, idArray, Now.instant(), customer.id));
        // answers stored for Idempotency-Key retries may hold profiles
        for (UUID id : ids) {
            steps.add(() -> Sql.update("DELETE FROM idempotency_record WHERE response LIKE ?1", "%" + id + "%"));
        }
        // the copies on Kafka: every snapshot these profiles ever published was sealed with these keys
        steps.add(() -> keys.destroy(ids.stream().map(UUID::toString).toList()));
        Instant now = Now.instant();
        customer.displayName = null;
        customer.preferredChannel = null;
        customer.preferredStoreId = null;
        customer.language = null;
        customer.timeZone = null;
        customer.quietStart = null;
        customer.quietEnd = null;
        customer.status = Customer.ERASED;
        customer.erasedAt = now;
        customer.version++;
        for (UUID id : ids) {
            steps.add(() -> changes.publish(id, new CustomerErased(id.toString())));
        }
        return Sql.inOrder(steps.toArray(Supplier[]::new));
    }
}
