package dev.omnichannel.customer.timeline.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.timeline.domain.Purchase;
import dev.omnichannel.customer.timeline.repository.PurchaseRepository;
import dev.omnichannel.customer.timeline.service.Happening;
import dev.omnichannel.customer.timeline.service.TimelineService;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.inventory.ReturnAccepted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reservations, fulfilment orders and returns of customers ({@code inventory.fulfilment}): into
 * the timeline, and collected reservations and orders into the purchases segments count.
 */
@ApplicationScoped
public class FulfilmentConsumer {

    private final IdempotentConsumer consumer;
    private final TimelineService timeline;
    private final PurchaseRepository purchases;
    private final ObjectMapper mapper;

    FulfilmentConsumer(IdempotentConsumer consumer, TimelineService timeline, PurchaseRepository purchases,
            ObjectMapper mapper) {
        this.consumer = consumer;
        this.timeline = timeline;
        this.purchases = purchases;
        this.mapper = mapper;
    }

    @Incoming("fulfilment")
    public Uni<Void> consume(String record) {
        CloudEvent event = consumer.parse(record);
        if (event.type().startsWith("reservation.")) {
            return consumer.handleOnce("customer-service:timeline:reservations", event,
                    e -> reservation(e, e.dataAs(mapper, ReservationEvent.class)));
        }
        if (event.type().startsWith("order.")) {
            return consumer.handleOnce("customer-service:timeline:orders", event,
                    e -> order(e, e.dataAs(mapper, OrderEvent.class)));
        }
        if (ReturnAccepted.TYPE.equals(event.type())) {
            return consumer.handleOnce("customer-service:timeline:returns", event,
                    e -> returned(e, e.dataAs(mapper, ReturnAccepted.class)));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> reservation(CloudEvent event, ReservationEvent r) {
        Instant at = time(event);
        String step = event.type().substring("reservation.".length());
        String summary = "Reservation " + step + " at " + r.storeId() + ": " + items(r.lines() == null ? 0
                : r.lines().stream().mapToInt(ReservationEvent.Line::quantity).sum()) + money(r.total(), r.currency());
        boolean byCustomer = switch (event.type()) {
            case ReservationEvent.CONFIRMED, ReservationEvent.COLLECTED, ReservationEvent.CANCELLED,
                    ReservationEvent.EXTENDED -> true;
            default -> false;
        };
        return timeline.record(event, new Happening(r.customerId(), at, r.channel(), event.type(), summary,
                r.reservationId(), byCustomer), customer -> ReservationEvent.COLLECTED.equals(event.type()) && r.total() != null
                        ? purchases.record(customer.id, r.reservationId(), Purchase.RESERVATION, r.storeId(), r.total(),
                                currency(r.currency()), at, at)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> order(CloudEvent event, OrderEvent o) {
        Instant at = time(event);
        String step = event.type().substring("order.".length());
        int quantity = o.allocations() == null ? 0 : o.allocations().stream().mapToInt(OrderEvent.Allocation::quantity).sum();
        String destination = o.deliverToStoreId() != null ? " for collection at " + o.deliverToStoreId() : " for home delivery";
        String summary = "Order " + step + destination + ": " + items(quantity) + money(o.total(), o.currency());
        boolean byCustomer = OrderEvent.CREATED.equals(event.type()) || OrderEvent.COLLECTED.equals(event.type());
        return timeline.record(event, new Happening(o.customerId(), at, o.channel(), event.type(), summary, o.orderId(),
                byCustomer), customer -> switch (event.type()) {
                    case OrderEvent.CREATED -> o.total() == null ? Uni.createFrom().voidItem()
                            : purchases.record(customer.id, o.orderId(), Purchase.ORDER, o.deliverToStoreId(), o.total(),
                                    currency(o.currency()), at, null);
                    case OrderEvent.COLLECTED -> o.total() == null ? Uni.createFrom().voidItem()
                            : purchases.record(customer.id, o.orderId(), Purchase.ORDER, o.deliverToStoreId(), o.total(),
                                    currency(o.currency()), at, at);
                    case OrderEvent.CANCELLED -> purchases.forget(o.orderId());
                    default -> Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> returned(CloudEvent event, ReturnAccepted r) {
        String summary = "Returned " + r.quantity() + " × " + r.sku() + " at " + r.storeId()
                + (r.condition() != null ? " (" + r.condition() + ")" : "");
        return timeline.record(event, new Happening(r.customerId(), time(event), r.channel(), event.type(), summary,
                r.returnId(), true), customer -> Uni.createFrom().voidItem());
    }

    private static Instant time(CloudEvent event) {
        return event.time() != null ? event.time() : Now.instant();
    }

    private static String currency(String currency) {
        return currency == null ? "EUR" : currency;
    }

    private static String items(int quantity) {
        return quantity == 1 ? "1 item" : quantity + " items";
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : ", " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency(currency);
    }
}
