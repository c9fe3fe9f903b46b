package dev.omnichannel.messaging.analytics.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reservations and orders, kept to credit the channel of the last message that came before them. */
@ApplicationScoped
public class Conversions {

    public static final String RESERVATION = "reservation";
    public static final String ORDER = "order";

    public Uni<Void> record(String kind, String ref, String customerId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO conversion (kind, ref, customer_id, at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, kind).setParameter(2, ref).setParameter(3, customerId).setParameter(4, at)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> reassign(String duplicateId, String survivorId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE conversion SET customer_id = ?2 WHERE customer_id = ?1")
                .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate())
                .replaceWithVoid();
    }
}
