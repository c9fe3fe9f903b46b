package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.repository.ReservationRepository;
import dev.omnichannel.inventory.reservation.rest.ReservationView;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reservations as they are read: by id, by customer, or by the pickup code a customer gives at the store. */
@ApplicationScoped
public class ReservationQueries {

    private final ReservationRepository reservations;

    ReservationQueries(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    @WithSession
    public Uni<ReservationView> get(UUID id) {
        return require(id).map(ReservationView::of);
    }

    @WithSession
    public Uni<Page<ReservationView>> ofCustomer(UUID customerId, boolean activeOnly, PageRequest page) {
        return reservations.countOfCustomer(customerId, activeOnly)
                .chain(total -> reservations.ofCustomer(customerId, activeOnly, page.offset(), page.size())
                        .map(found -> new Page<>(found.stream().map(ReservationView::of).toList(), page.page(),
                                page.size(), total)));
    }

    @WithSession
    public Uni<Page<ReservationView>> byPickupCode(String storeId, String pickupCode) {
        return reservations.activeByPickupCode(storeId, pickupCode.trim().toUpperCase())
                .map(found -> found == null
                        ? new Page<>(List.of(), 0, 1, 0)
                        : new Page<>(List.of(ReservationView.of(found)), 0, 1, 1));
    }

    /** The reservation, or a 404; in the caller's session. */
    Uni<Reservation> require(UUID id) {
        return reservations.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No reservation " + id));
    }
}
