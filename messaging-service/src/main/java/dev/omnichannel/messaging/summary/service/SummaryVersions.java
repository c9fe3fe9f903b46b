package dev.omnichannel.messaging.summary.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The per-customer counter behind the summary's {@code version}, in table {@code summary_version}. */
@ApplicationScoped
public class SummaryVersions {

    /** Raises the customer's counter and answers it; the row stays locked until the caller's transaction ends. */
    public Uni<Long> next(String customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO summary_version (customer_id, version) VALUES (?1, 1)
                ON CONFLICT (customer_id) DO UPDATE SET version = summary_version.version + 1
                RETURNING version""", Long.class)
                .setParameter(1, customerId)
                .getSingleResult());
    }

    /** The version of the last summary published for the customer; 0 if none yet. */
    public Uni<Long> current(String customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT version FROM summary_version WHERE customer_id = ?1", Long.class)
                .setParameter(1, customerId)
                .getSingleResultOrNull())
                .map(version -> version == null ? 0L : version);
    }
}
