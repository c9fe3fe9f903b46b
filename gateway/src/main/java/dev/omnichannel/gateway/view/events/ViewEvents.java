package dev.omnichannel.gateway.view.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.view.domain.ViewParts.CartLine;
import dev.omnichannel.gateway.view.domain.ViewParts.HeldOrder;
import dev.omnichannel.gateway.view.domain.ViewParts.HeldReservation;
import dev.omnichannel.gateway.view.domain.ViewParts.MessagesSummary;
import dev.omnichannel.gateway.view.domain.ViewParts.ProfileSummary;
import dev.omnichannel.gateway.view.domain.ViewParts.WishlistLine;
import dev.omnichannel.gateway.view.repository.HoldingStore;
import dev.omnichannel.gateway.view.repository.ViewStore;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * What each owner's event changes in the view model (the view feed applies them; the answers of writes made
 * through the gateway change the same parts through {@code ViewUpdates}).
 */
@ApplicationScoped
public class ViewEvents {

    private final ViewStore store;
    private final HoldingStore holdings;
    private final ObjectMapper json;

    public ViewEvents(ViewStore store, HoldingStore holdings, ObjectMapper json) {
        this.store = store;
        this.holdings = holdings;
        this.json = json;
    }

    /** Whether events of this type may change which customer a token's subject is (erasure, merge, undo). */
    public static boolean changesWhoIsWho(String type) {
        return CustomerErased.TYPE.equals(type) || CustomerMerged.TYPE.equals(type) || CustomerMergeUndone.TYPE.equals(type);
    }

    /**
     * Applies an event of customer.events, inventory.fulfilment or messaging.events (other types
     * change nothing) in the caller's transaction, by statements that do not wait for each other's
     * answers (the feed sends a batch's statements and its COMMIT together); the customers whose
     * reservations or orders changed are added to {@code holdingsChanged}, for
     * {@link HoldingStore#refreshStale} once the whole batch is applied.
     */
    public Uni<Void> apply(SqlConnection transaction, CloudEvent event, Set<String> holdingsChanged) {
        Instant at = event.time() == null ? Instant.now() : event.time();
        String type = event.type();
        if (CustomerSnapshot.TYPE.equals(type)) {
            return snapshot(transaction, event.dataAs(json, CustomerSnapshot.class), at);
        }
        if (CustomerMerged.TYPE.equals(type)) {
            CustomerMerged merged = event.dataAs(json, CustomerMerged.class);
            holdingsChanged.add(merged.survivorId());
            return store.merged(transaction, merged.duplicateId(), merged.survivorId());
        }
        if (CustomerMergeUndone.TYPE.equals(type)) {
            String restored = event.dataAs(json, CustomerMergeUndone.class).restoredId();
            holdingsChanged.add(restored);
            return store.mergeUndone(transaction, restored).invoke(survivor -> {
                if (survivor != null) {
                    holdingsChanged.add(survivor);
                }
            }).replaceWithVoid();
        }
        if (CustomerErased.TYPE.equals(type)) {
            return store.erased(transaction, event.dataAs(json, CustomerErased.class).customerId());
        }
        if (MessagingSummaryChanged.TYPE.equals(type)) {
            MessagingSummaryChanged summary = event.dataAs(json, MessagingSummaryChanged.class);
            return store.messages(transaction, summary.customerId(), summary.version(), at, MessagesSummary.of(summary));
        }
        if (type.startsWith("reservation.")) {
            ReservationEvent reservation = event.dataAs(json, ReservationEvent.class);
            if (reservation.customerId() == null) {
                return Uni.createFrom().voidItem();
            }
            holdingsChanged.add(reservation.customerId());
            return holdings.holding(transaction, reservation.reservationId(), HoldingStore.RESERVATION,
                    reservation.customerId(), reservation.version(), reservation.active(), reservation.createdAt(), at,
                    HeldReservation.of(reservation));
        }
        if (type.startsWith("order.")) {
            OrderEvent order = event.dataAs(json, OrderEvent.class);
            if (order.customerId() == null) {
                return Uni.createFrom().voidItem();
            }
            holdingsChanged.add(order.customerId());
            return holdings.holding(transaction, order.orderId(), HoldingStore.ORDER, order.customerId(), order.version(),
                    order.active(), order.createdAt(), at, HeldOrder.of(order));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> snapshot(SqlConnection transaction, CustomerSnapshot snapshot, Instant at) {
        return store.snapshot(transaction, snapshot.customerId(), snapshot.version(), at, ProfileSummary.of(snapshot),
                snapshot.cart() == null ? null : snapshot.cart().stream()
                        .map(line -> new CartLine(line.sku(), line.quantity(), line.addedAt())).toList(),
                snapshot.wishlist() == null ? null : snapshot.wishlist().stream()
                        .map(line -> new WishlistLine(line.sku(), line.addedAt())).toList(),
                snapshot.subjects());
    }
}
