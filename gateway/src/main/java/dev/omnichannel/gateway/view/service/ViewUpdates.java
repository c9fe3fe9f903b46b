package dev.omnichannel.gateway.view.service;

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
import dev.omnichannel.gateway.view.repository.HoldingStore;
import dev.omnichannel.gateway.view.repository.ViewStore;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The answers of writes made through the gateway, kept in the view model before they go back, so the
 * writer's next view holds them on any channel and any replica (owners' events do the same through
 * {@code ViewEvents}). Both give the part with its owner's version, and the store keeps the highest. The
 * write is done by then: if the model cannot keep its answer, the caller still gets it, and the write's
 * event brings the part a moment later.
 */
@ApplicationScoped
public class ViewUpdates {

    private static final Logger LOG = Logger.getLogger(ViewUpdates.class);

    private static final TypeReference<List<CartLine>> CART = new TypeReference<>() {
    };
    private static final TypeReference<List<WishlistLine>> WISHLIST = new TypeReference<>() {
    };

    private final ViewStore store;
    private final HoldingStore holdings;
    private final ObjectMapper json;

    public ViewUpdates(ViewStore store, HoldingStore holdings, ObjectMapper json) {
        this.store = store;
        this.holdings = holdings;
        this.json = json;
    }

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
        return tolerant("reservation", holdings.holdingWithLists(event.reservationId(), HoldingStore.RESERVATION,
                event.customerId(), event.version(), event.active(), event.createdAt(), Instant.now(),
                HeldReservation.of(event)));
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
        return tolerant("order", holdings.holdingWithLists(event.orderId(), HoldingStore.ORDER, event.customerId(),
                event.version(), event.active(), event.createdAt(), Instant.now(), HeldOrder.of(event)));
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
