package dev.omnichannel.gateway.view.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the view model, each built the same way from an owner's event or from the answer
 * of a write made through the gateway: the two must store the same JSON, so the model is the same
 * whichever arrived first and a rebuild from the topics gives the same views.
 */
public final class ViewParts {

    private ViewParts() {
    }

    /** What every channel shows of the customer. */
    public record ProfileSummary(String id, String displayName, String preferredStoreId, String preferredChannel,
            String language, String timeZone, List<String> segments) {

        public static ProfileSummary of(CustomerSnapshot snapshot) {
            CustomerSnapshot.Preferences preferences = snapshot.preferences();
            return new ProfileSummary(snapshot.customerId(), snapshot.displayName(),
                    preferences == null ? null : preferences.preferredStoreId(),
                    preferences == null ? null : preferences.preferredChannel(),
                    preferences == null ? null : preferences.language(),
                    preferences == null ? null : preferences.timeZone(),
                    snapshot.segments() == null ? List.of() : List.copyOf(snapshot.segments()));
        }

        /** From customer-service's profile answer ({@code GET /customers/{id}} and the writes that answer it). */
        public static ProfileSummary ofAnswer(JsonNode profile) {
            JsonNode preferences = profile.path("preferences");
            List<String> segments = new ArrayList<>();
            profile.path("segments").forEach(segment -> segments.add(segment.asText()));
            return new ProfileSummary(profile.path("id").asText(null), profile.path("displayName").asText(null),
                    preferences.path("preferredStoreId").asText(null), preferences.path("preferredChannel").asText(null),
                    preferences.path("language").asText(null), preferences.path("timeZone").asText(null),
                    List.copyOf(segments));
        }
    }

    public record CartLine(String sku, int quantity, Instant addedAt) {
    }

    public record WishlistLine(String sku, Instant addedAt) {
    }

    /** A reservation still holding stock, as the view lists it. */
    public record HeldReservation(String id, String status, String holdType, String storeId, List<Line> lines,
            String pickupCode, Instant expiresAt, PickupWindow pickupWindow, String channel, BigDecimal total,
            String currency, Instant createdAt) {

        public record Line(String sku, int quantity, BigDecimal unitPrice) {
        }

        public record PickupWindow(Instant from, Instant to) {
        }

        public static HeldReservation of(ReservationEvent event) {
            return new HeldReservation(event.reservationId(), event.status(), event.holdType(), event.storeId(),
                    event.lines() == null ? List.of()
                            : event.lines().stream().map(l -> new Line(l.sku(), l.quantity(), money(l.unitPrice()))).toList(),
                    event.pickupCode(), event.expiresAt(),
                    event.pickupWindow() == null ? null
                            : new PickupWindow(event.pickupWindow().from(), event.pickupWindow().to()),
                    event.channel(), money(event.total()), event.currency(), event.createdAt());
        }
    }

    /** A fulfilment order under way, as the view lists it. */
    public record HeldOrder(String id, String status, String deliverToStoreId, List<Allocation> allocations,
            BigDecimal total, String currency, String channel, Instant createdAt) {

        public record Allocation(String storeId, String sku, int quantity) {
        }

        public static HeldOrder of(OrderEvent event) {
            return new HeldOrder(event.orderId(), event.status(), event.deliverToStoreId(),
                    event.allocations() == null ? List.of()
                            : event.allocations().stream().map(a -> new Allocation(a.storeId(), a.sku(), a.quantity())).toList(),
                    money(event.total()), event.currency(), event.channel(), event.createdAt());
        }
    }

    /**
     * An amount as the view shows it, to the cent: the same whether it came from an event (249.00) or
     * from a service's answer read on the write's path (249.0), so a rebuilt model gives the same views.
     */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The conversation's summary and the in-app inbox. */
    public record MessagesSummary(Conversation conversation, MessagingSummaryChanged.Inbox inbox) {

        /** @param unread messages from the store the customer has not read, every thread */
        public record Conversation(long unread, List<MessagingSummaryChanged.Message> lastMessages) {
        }

        public static MessagesSummary of(MessagingSummaryChanged event) {
            return new MessagesSummary(new Conversation(event.unread(),
                    event.lastMessages() == null ? List.of() : event.lastMessages()), event.inbox());
        }
    }
}
