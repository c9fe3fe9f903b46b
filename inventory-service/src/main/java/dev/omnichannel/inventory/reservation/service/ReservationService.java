package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.inventory.api.Caller;
import dev.omnichannel.inventory.api.Lines;
import dev.omnichannel.inventory.api.Page;
import dev.omnichannel.inventory.api.PageRequest;
import dev.omnichannel.inventory.catalog.service.PriceBook;
import dev.omnichannel.inventory.catalog.service.PricedLines;
import dev.omnichannel.inventory.catalog.service.UnitPrice;
import dev.omnichannel.inventory.config.InventoryConfig;
import dev.omnichannel.inventory.reservation.api.ReservationRequest;
import dev.omnichannel.inventory.reservation.api.ReservationView;
import dev.omnichannel.inventory.reservation.api.ShortLine;
import dev.omnichannel.inventory.reservation.repository.ReservationRepository;
import dev.omnichannel.inventory.reservation.repository.ReservationRepository.NewReservation;
import dev.omnichannel.inventory.stock.repository.StockLevelRepository;
import dev.omnichannel.inventory.stock.service.Movement;
import dev.omnichannel.inventory.stock.service.StockLedger;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Click and collect: all lines held at the chosen store or none, never oversold. The hot path is
 * one small transaction: one read (the store and the prices), one insert (the reservation, its
 * lines), the {@code reservation.confirmed} outbox row, then one conditional UPDATE per SKU in SKU
 * order, each writing its ledger row and stock event in the same statement. The stock rows are
 * locked only from that last part to the commit, one round trip per SKU.
 */
@ApplicationScoped
public class ReservationService {

    private static final int PICKUP_CODE_ATTEMPTS = 5;

    private final ReservationRepository reservations;
    private final StockLedger ledger;
    private final StockLevelRepository levels;
    private final ReservationStock stock;
    private final ReservationEvents events;
    private final PriceBook prices;
    private final IdempotentRequests idempotent;
    private final InventoryConfig.Holds holds;

    ReservationService(ReservationRepository reservations, StockLedger ledger, StockLevelRepository levels,
            ReservationStock stock, ReservationEvents events, PriceBook prices,
            IdempotentRequests idempotent, InventoryConfig config) {
        this.reservations = reservations;
        this.ledger = ledger;
        this.levels = levels;
        this.stock = stock;
        this.events = events;
        this.prices = prices;
        this.idempotent = idempotent;
        this.holds = config.holds();
    }

    @WithTransaction
    public Uni<ReservationView> create(ReservationRequest request, Caller caller) {
        Map<String, Integer> quantities = Lines.summedBySku(request.lines());
        HoldType holdType = request.holdType() == null ? HoldType.CLICK_AND_COLLECT : HoldType.fromWireName(request.holdType());
        String channel = caller.channel();
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations"), request,
                ReservationView.class, () -> prices.atStore(request.storeId(), quantities.keySet())
                        .map(atStore -> {
                            if (atStore.pickup() == null) {
                                throw ProblemException.notFound("No location " + request.storeId());
                            }
                            if (!atStore.pickup()) {
                                throw ProblemException.unprocessable("no-pickup",
                                        "Store " + request.storeId() + " does not offer pickup");
                            }
                            return atStore.prices();
                        })
                        .chain(unitPrices -> insert(request, holdType, quantities, unitPrices, channel, caller.actor(), 1))
                        .chain(reservation -> events.publish(ReservationEvent.CONFIRMED, reservation))
                        // written before the stock rows are locked, so the locks are held for as little as possible
                        .call(() -> Panache.getSession().chain(Mutiny.Session::flush))
                        .call(reservation -> hold(reservation, caller.actor()))
                        .map(ReservationView::of));
    }

    private Uni<Reservation> insert(ReservationRequest request, HoldType holdType, Map<String, Integer> quantities,
            Map<String, UnitPrice> unitPrices, String channel, String actor, int attempt) {
        PricedLines priced = PricedLines.of(quantities, unitPrices);
        List<Reservation.Line> lines = priced.lines().stream()
                .map(line -> new Reservation.Line(line.sku(), line.quantity(), line.unitPrice()))
                .toList();
        BigDecimal total = priced.total();
        String currency = priced.currency();
        InventoryConfig.Hold hold = switch (holdType) {
            case CART -> holds.cart();
            case CLICK_AND_COLLECT -> holds.clickAndCollect();
            case ENDLESS_AISLE -> null;
        };
        Duration preparation = holdType == HoldType.CLICK_AND_COLLECT ? holds.clickAndCollect().preparation() : null;
        NewReservation reservation = new NewReservation(UUID.randomUUID(), request.customerId(), request.storeId(),
                holdType, PickupCodes.next(), hold == null ? null : hold.duration(),
                hold == null ? null : hold.maxDuration(), preparation, total, currency, channel, actor, lines);
        return reservations.insert(reservation).chain(inserted -> {
            if (inserted != null) {
                return Uni.createFrom().item(inserted);
            }
            if (attempt >= PICKUP_CODE_ATTEMPTS) {
                return Uni.createFrom().failure(new IllegalStateException("no free pickup code at " + request.storeId()));
            }
            return insert(request, holdType, quantities, unitPrices, channel, actor, attempt + 1);
        });
    }

    /** One conditional UPDATE per line, in SKU order; the first short line fails the whole transaction. */
    private Uni<Void> hold(Reservation reservation, String actor) {
        Uni<Void> held = Uni.createFrom().voidItem();
        for (int i = 0; i < reservation.lines().size(); i++) {
            Reservation.Line line = reservation.lines().get(i);
            int index = i;
            held = held.chain(() -> ledger.record(Movement.reservation(line.sku(), reservation.storeId(),
                    line.quantity(), reservation.id().toString(), actor))
                    .chain(level -> level != null ? Uni.createFrom().voidItem() : shortage(reservation, index)));
        }
        return held;
    }

    /**
     * The 409 for a reservation refused at line {@code failed}: every line that is short now. Lines
     * before it are held by this very transaction (about to roll back), so their quantity counts as available.
     */
    private Uni<Void> shortage(Reservation reservation, int failed) {
        List<Reservation.Line> lines = reservation.lines();
        return levels.available(reservation.storeId(), lines.stream().map(Reservation.Line::sku).toList())
                .map(available -> {
                    List<ShortLine> shortLines = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        Reservation.Line line = lines.get(i);
                        int units = available.getOrDefault(line.sku(), 0) + (i < failed ? line.quantity() : 0);
                        if (i == failed || units < line.quantity()) {
                            shortLines.add(new ShortLine(line.sku(), line.quantity(), Math.max(0, units)));
                        }
                    }
                    throw ProblemException.conflict("insufficient-stock",
                            "Not enough stock at " + reservation.storeId() + " for every line; nothing was reserved",
                            Map.of("lines", shortLines));
                });
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

    @WithTransaction
    public Uni<ReservationView> extend(UUID id, int minutes, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations/" + id + "/extend"),
                minutes, ReservationView.class, () -> reservations.extend(id, minutes, holds.cart().expiringNotice(),
                        holds.clickAndCollect().expiringNotice())
                        .chain(extended -> extended != null
                                ? events.publish(ReservationEvent.EXTENDED, extended)
                                : require(id).map(ReservationService::whyNotExtended))
                        .map(ReservationView::of));
    }

    private static Reservation whyNotExtended(Reservation reservation) {
        if (!reservation.status().active() || reservation.expiresAt() != null
                && !reservation.expiresAt().isAfter(Instant.now())) {
            throw notActive(reservation);
        }
        if (reservation.expiresAt() == null) {
            throw ProblemException.unprocessable("hold-without-expiry",
                    "An endless-aisle hold lasts until fulfilment; there is nothing to extend");
        }
        throw ProblemException.unprocessable("extension-limit-reached",
                "The hold already lasts as long as a " + reservation.holdType().wireName() + " hold may");
    }

    /** Cancels an active reservation and releases its stock; cancelling twice changes nothing. */
    @WithTransaction
    public Uni<ReservationView> cancel(UUID id, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("DELETE /reservations/" + id), id,
                ReservationView.class, () -> reservations.leaveActive(id, ReservationStatus.CANCELLED)
                        .chain(cancelled -> cancelled != null
                                ? stock.release(List.of(cancelled), caller.actor())
                                        .chain(() -> events.publish(ReservationEvent.CANCELLED, cancelled))
                                : require(id).map(current -> {
                                    if (current.status() != ReservationStatus.CANCELLED) {
                                        throw notActive(current);
                                    }
                                    return current;
                                }))
                        .map(ReservationView::of));
    }

    /** Handed to the customer who gave the pickup code: the units leave the store's stock. */
    @WithTransaction
    public Uni<ReservationView> collect(UUID id, String pickupCode, Caller caller) {
        String code = pickupCode.trim().toUpperCase();
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations/" + id + "/collect"), code,
                ReservationView.class, () -> reservations.collect(id, code)
                        .chain(collected -> collected != null
                                ? stock.collect(collected, caller.actor())
                                        .chain(() -> events.publish(ReservationEvent.COLLECTED, collected))
                                : require(id).map(current -> {
                                    if (current.status().active() && !current.pickupCode().equals(code)
                                            && (current.expiresAt() == null
                                                    || current.expiresAt().isAfter(Instant.now()))) {
                                        throw ProblemException.unprocessable("wrong-pickup-code",
                                                "The pickup code does not match this reservation");
                                    }
                                    throw notActive(current);
                                }))
                        .map(ReservationView::of));
    }

    /** The store has prepared it: the customer may come. */
    @WithTransaction
    public Uni<ReservationView> ready(UUID id, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations/" + id + "/ready"), id,
                ReservationView.class, () -> reservations.markReady(id)
                        .chain(ready -> ready != null
                                ? events.publish(ReservationEvent.READY, ready)
                                : require(id).map(current -> {
                                    if (current.status() != ReservationStatus.READY) {
                                        throw notActive(current);
                                    }
                                    return current;
                                }))
                        .map(ReservationView::of));
    }

    private Uni<Reservation> require(UUID id) {
        return reservations.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No reservation " + id));
    }

    private static ProblemException notActive(Reservation reservation) {
        String state = reservation.status().active() ? "EXPIRED" : reservation.status().name();
        return ProblemException.conflict("reservation-not-active",
                "Reservation " + reservation.id() + " is " + state, Map.of("status", state));
    }
}
