package dev.omnichannel.messaging.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.analytics.service.Conversions;
import dev.omnichannel.messaging.notification.domain.NewNotification;
import dev.omnichannel.messaging.notification.service.NotificationService;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.inventory.ReturnAccepted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code inventory.fulfilment}: reservation confirmed / ready / expiring, order shipped / delivered
 * and return accepted each notify the customer once, however often the event is delivered (the
 * consumer is idempotent and the notification is unique per event id); confirmed reservations and
 * created orders are kept for channel analytics.
 */
@ApplicationScoped
public class FulfilmentConsumer {

    private static final String CONSUMER = "messaging-service:fulfilment";

    private final IdempotentConsumer consumer;
    private final NotificationService notifications;
    private final RecipientService recipients;
    private final Conversions conversions;
    private final ObjectMapper mapper;
    private final Clock clock;

    FulfilmentConsumer(IdempotentConsumer consumer, NotificationService notifications, RecipientService recipients,
            Conversions conversions, ObjectMapper mapper, Clock clock) {
        this.consumer = consumer;
        this.notifications = notifications;
        this.recipients = recipients;
        this.conversions = conversions;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Incoming("fulfilment")
    public Uni<Void> consume(String record) {
        CloudEvent event = consumer.parse(record);
        return switch (event.type()) {
            case ReservationEvent.CONFIRMED, ReservationEvent.READY, ReservationEvent.EXPIRING ->
                    consumer.handleOnce(CONSUMER, event, this::onReservation);
            case OrderEvent.CREATED, OrderEvent.SHIPPED, OrderEvent.DELIVERED -> consumer.handleOnce(CONSUMER, event, this::onOrder);
            case ReturnAccepted.TYPE -> consumer.handleOnce(CONSUMER, event, this::onReturn);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> onReservation(CloudEvent event) {
        ReservationEvent reservation = event.dataAs(mapper, ReservationEvent.class);
        if (reservation.customerId() == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> conversion = ReservationEvent.CONFIRMED.equals(event.type())
                ? recipients.resolve(reservation.customerId()).chain(customerId ->
                        conversions.record(Conversions.RESERVATION, reservation.reservationId(), customerId, timeOf(event)))
                : Uni.createFrom().voidItem();
        return conversion.chain(() -> notifications.enqueue(new NewNotification(reservation.customerId(), event.type(),
                event.id(), Map.of("reservation", data(reservation)), "/reservations/" + reservation.reservationId())))
                .replaceWithVoid();
    }

    private Uni<Void> onOrder(CloudEvent event) {
        OrderEvent order = event.dataAs(mapper, OrderEvent.class);
        if (order.customerId() == null) {
            return Uni.createFrom().voidItem();
        }
        if (OrderEvent.CREATED.equals(event.type())) {
            return recipients.resolve(order.customerId())
                    .chain(customerId -> conversions.record(Conversions.ORDER, order.orderId(), customerId, timeOf(event)));
        }
        return notifications.enqueue(new NewNotification(order.customerId(), event.type(), event.id(),
                Map.of("order", data(order)), "/orders/" + order.orderId())).replaceWithVoid();
    }

    private Uni<Void> onReturn(CloudEvent event) {
        ReturnAccepted accepted = event.dataAs(mapper, ReturnAccepted.class);
        if (accepted.customerId() == null) {
            return Uni.createFrom().voidItem();
        }
        return notifications.enqueue(new NewNotification(accepted.customerId(), ReturnAccepted.TYPE, event.id(),
                Map.of("returned", data(accepted)), "/returns/" + accepted.returnId())).replaceWithVoid();
    }

    /**
     * What a reservation message may say ({@code reservation.…} in templates): ids and facts only,
     * products and the store are named when the message is rendered.
     */
    public static Map<String, Object> data(ReservationEvent reservation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", reservation.reservationId());
        data.put("storeId", reservation.storeId());
        data.put("pickupCode", reservation.pickupCode());
        data.put("expiresAt", reservation.expiresAt() == null ? "" : reservation.expiresAt().toString());
        data.put("total", plain(reservation.total()));
        data.put("currency", reservation.currency());
        List<ReservationEvent.Line> lines = reservation.lines() == null ? List.of() : reservation.lines();
        data.put("items", lines.stream().mapToInt(ReservationEvent.Line::quantity).sum());
        data.put("lines", lines.stream().map(line -> Map.<String, Object>of("sku", line.sku(), "quantity", line.quantity())).toList());
        return data;
    }

    /** What an order message may say ({@code order.…}). */
    public static Map<String, Object> data(OrderEvent order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", order.orderId());
        data.put("status", order.status());
        data.put("deliverToStoreId", order.deliverToStoreId());
        data.put("total", plain(order.total()));
        data.put("currency", order.currency());
        return data;
    }

    /** What a return message may say ({@code returned.…}). */
    public static Map<String, Object> data(ReturnAccepted accepted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", accepted.returnId());
        data.put("sku", accepted.sku());
        data.put("quantity", accepted.quantity());
        data.put("storeId", accepted.storeId());
        return data;
    }

    private Instant timeOf(CloudEvent event) {
        return event.time() != null ? event.time() : clock.instant();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
