package dev.omnichannel.gateway.view.service;

import dev.omnichannel.gateway.view.repository.ViewStore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.gateway.view.domain.ViewParts.CartLine;
import dev.omnichannel.gateway.view.domain.ViewParts.HeldOrder;
import dev.omnichannel.gateway.view.domain.ViewParts.HeldReservation;
import dev.omnichannel.gateway.view.domain.ViewParts.MessagesSummary;
import dev.omnichannel.gateway.view.domain.ViewParts.ProfileSummary;
import dev.omnichannel.gateway.view.domain.ViewParts.WishlistLine;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What changes the view model, from either source: an owner's event (applied by the view feed) or
 * the answer of a write made through the gateway (applied before that answer goes back, so the
 * writer's next view holds it on any channel and any replica). Both give the part with its owner's
 * version, and the store keeps the highest.
 */
@ApplicationScoped
public class ViewUpdates {

    private static final Logger LOG = Logger.getLogger(ViewUpdates.class);

    static final String RESERVATION = "reservation";
    static final String ORDER = "order";
    private static final TypeReference<List<CartLine>> CART = new TypeReference<>() {
    };
    private static final TypeReference<List<WishlistLine>> WISHLIST = new TypeReference<>() {
    };

    private final ViewStore store;
    private final ObjectMapper json;

    public ViewUpdates(ViewStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    // ---------------------------------------------------------------- events

    /** Whether events of this type may change which customer a token's subject is (erasure, merge, undo). */
    public static boolean changesWhoIsWho(String type) {
        return CustomerErased.TYPE.equals(type) || CustomerMerged.TYPE.equals(type) || CustomerMergeUndone.TYPE.equals(type);
    }

    /**
     * Applies an event of customer.events, inventory.fulfilment or messaging.events (other types
     * change nothing), in the caller's transaction; the customers whose reservations or orders
     * changed are added to {@code holdingsChanged}, for {@link ViewStore#refreshHoldings} once the
     * whole batch is applied.
     */
    public Uni<Void> apply(SqlClient client, CloudEvent event, Set<String> holdingsChanged) {
        Instant at = event.time() == null ? Instant.now() : event.time();
        String type = event.type();
        if (CustomerSnapshot.TYPE.equals(type)) {
            return snapshot(client, event.dataAs(json, CustomerSnapshot.class), at);
        }
        if (CustomerMerged.TYPE.equals(type)) {
            CustomerMerged merged = event.dataAs(json, CustomerMerged.class);
            holdingsChanged.add(merged.survivorId());
            return store.merged(client, merged.duplicateId(), merged.survivorId());
        }
        if (CustomerMergeUndone.TYPE.equals(type)) {
            String restored = event.dataAs(json, CustomerMergeUndone.class).restoredId();
            holdingsChanged.add(restored);
            return store.mergeUndone(client, restored).invoke(survivor -> {
                if (survivor != null) {
                    holdingsChanged.add(survivor);
                }
            }).replaceWithVoid();
        }
        if (CustomerErased.TYPE.equals(type)) {
            return store.erased(client, event.dataAs(json, CustomerErased.class).customerId());
        }
        if (MessagingSummaryChanged.TYPE.equals(type)) {
            MessagingSummaryChanged summary = event.dataAs(json, MessagingSummaryChanged.class);
            return store.messages(client, summary.customerId(), summary.version(), at, MessagesSummary.of(summary));
        }
        if (type.startsWith("reservation.")) {
            ReservationEvent reservation = event.dataAs(json, ReservationEvent.class);
            if (reservation.customerId() == null) {
                return Uni.createFrom().voidItem();
            }
            holdingsChanged.add(reservation.customerId());
            return store.holding(client, reservation.reservationId(), RESERVATION, reservation.customerId(),
                    reservation.version(), reservation.active(), reservation.createdAt(), at, HeldReservation.of(reservation));
        }
        if (type.startsWith("order.")) {
            OrderEvent order = event.dataAs(json, OrderEvent.class);
            if (order.customerId() == null) {
                return Uni.createFrom().voidItem();
            }
            holdingsChanged.add(order.customerId());
            return store.holding(client, order.orderId(), ORDER, order.customerId(), order.version(), order.active(),
                    order.createdAt(), at, HeldOrder.of(order));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> snapshot(SqlClient client, CustomerSnapshot snapshot, Instant at) {
        return store.snapshot(client, snapshot.customerId(), snapshot.version(), at, ProfileSummary.of(snapshot),
                snapshot.cart() == null ? null : snapshot.cart().stream()
                        .map(line -> new CartLine(line.sku(), line.quantity(), line.addedAt())).toList(),
                snapshot.wishlist() == null ? null : snapshot.wishlist().stream()
                        .map(line -> new WishlistLine(line.sku(), line.addedAt())).toList(),
                snapshot.subjects());
    }

    // ---------------------------------------------------------------- answers of writes made through the gateway
    // The write is done by then: if the model cannot keep its answer, the caller still gets it, and
    // the write's event brings the part a moment later.

    /** customer-service's profile answer (resolve, preferences, consents). */
    public Uni<Void> profileAnswered(JsonNode profile) {
        if (!profile.hasNonNull("version") || !profile.hasNonNull("id")) {
            return Uni.createFrom().voidItem();
        }
        List<String> subjects = new ArrayList<>();
        profile.path("identities").forEach(identity -> {
            if ("oidc".equals(identity.path("type").asText())) {
                subjects.add(identity.path("value").asText());
            }
        });
        return tolerant("profile", store.profile(store.pool(), profile.path("id").asText(),
                profile.path("version").asLong(), Instant.now(), ProfileSummary.ofAnswer(profile), subjects));
    }

    /** customer-service's cart answer: {@code {"customerId","items","version"}}. */
    public Uni<Void> cartAnswered(JsonNode cart) {
        if (!cart.hasNonNull("version") || !cart.hasNonNull("customerId")) {
            return Uni.createFrom().voidItem();
        }
        return tolerant("cart", store.cart(store.pool(), cart.path("customerId").asText(), cart.path("version").asLong(),
                Instant.now(), json.convertValue(cart.path("items"), CART)));
    }

    /** customer-service's wishlist answer: {@code {"customerId","items","version"}}. */
    public Uni<Void> wishlistAnswered(JsonNode wishlist) {
        if (!wishlist.hasNonNull("version") || !wishlist.hasNonNull("customerId")) {
            return Uni.createFrom().voidItem();
        }
        return tolerant("wishlist", store.wishlist(store.pool(), wishlist.path("customerId").asText(),
                wishlist.path("version").asLong(), Instant.now(), json.convertValue(wishlist.path("items"), WISHLIST)));
    }

    /** messaging-service's conversation summary of a customer, with its version. */
    public Uni<Void> messagesAnswered(String customerId, JsonNode summary) {
        if (!summary.hasNonNull("version")) {
            return Uni.createFrom().voidItem();
        }
        MessagingSummaryChanged asEvent = json.convertValue(summary, MessagingSummaryChanged.class);
        return tolerant("conversation", store.messages(store.pool(), customerId, asEvent.version(), Instant.now(),
                MessagesSummary.of(asEvent)));
    }

    /** inventory-service's reservation answer, read as the event of that step. */
    public Uni<Void> reservationAnswered(JsonNode reservation) {
        if (!reservation.hasNonNull("version") || !reservation.hasNonNull("customerId")) {
            return Uni.createFrom().voidItem();
        }
        ObjectNode asEvent = reservation.deepCopy();
        asEvent.set("reservationId", reservation.get("id"));
        ReservationEvent event = json.convertValue(asEvent, ReservationEvent.class);
        return tolerant("reservation", store.holdingWithLists(event.reservationId(), RESERVATION, event.customerId(),
                event.version(), event.active(), event.createdAt(), Instant.now(), HeldReservation.of(event)));
    }

    /** inventory-service's order answer, read as the event of that step. */
    public Uni<Void> orderAnswered(JsonNode order) {
        if (!order.hasNonNull("version") || !order.hasNonNull("customerId")) {
            return Uni.createFrom().voidItem();
        }
        ObjectNode asEvent = order.deepCopy();
        asEvent.set("orderId", order.get("id"));
        asEvent.set("deliverToStoreId", order.path("deliverTo").get("storeId"));
        OrderEvent event = json.convertValue(asEvent, OrderEvent.class);
        return tolerant("order", store.holdingWithLists(event.orderId(), ORDER, event.customerId(), event.version(),
                event.active(), event.createdAt(), Instant.now(), HeldOrder.of(event)));
    }

    /** The customer erased through the gateway: gone from the model at once. */
    public Uni<Void> erased(String customerId) {
        return tolerant("erasure", store.erased(store.pool(), customerId));
    }

    private static Uni<Void> tolerant(String what, Uni<Void> update) {
        return update.onFailure().recoverWithUni(failure -> {
            LOG.warnf("the view model did not keep a %s answered by a write (its event will bring it): %s", what,
                    failure.toString());
            return Uni.createFrom().voidItem();
        });
    }
}
