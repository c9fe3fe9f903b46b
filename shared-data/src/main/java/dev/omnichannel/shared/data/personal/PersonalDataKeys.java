package dev.omnichannel.shared.data.personal;

import dev.omnichannel.shared.personal.PersonalDataSeal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The keys this service seals its customers' personal data with, one per customer, in its own
 * database: made on the first event that needs one, destroyed by the erasure. Runs in the caller's
 * session (and transaction, for {@link #keyFor} and {@link #destroy}).
 */
@ApplicationScoped
public class PersonalDataKeys {

    public Uni<byte[]> keyFor(String customerId) {
        return find(customerId).chain(existing -> existing.isPresent() ? Uni.createFrom().item(existing.get())
                : Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO personal_data_key (customer_id, key) VALUES (?1, ?2)
                        ON CONFLICT (customer_id) DO NOTHING""")
                        .setParameter(1, customerId).setParameter(2, PersonalDataSeal.newKey())
                        .executeUpdate())
                        .chain(() -> find(customerId)).map(Optional::orElseThrow));
    }

    public Uni<Optional<byte[]>> find(String customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT key FROM personal_data_key WHERE customer_id = ?1", byte[].class)
                .setParameter(1, customerId).getResultList())
                .map(keys -> keys.stream().findFirst());
    }

    /** Every sealed copy of these customers' personal data, on every topic, can no longer be read. */
    public Uni<Void> destroy(List<String> customerIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "DELETE FROM personal_data_key WHERE customer_id = ANY(CAST(string_to_array(?1, ',') AS text[]))")
                .setParameter(1, String.join(",", customerIds)).executeUpdate())
                .replaceWithVoid();
    }
}
