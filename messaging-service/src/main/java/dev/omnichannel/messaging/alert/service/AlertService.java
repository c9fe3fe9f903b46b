package dev.omnichannel.messaging.alert.service;

import dev.omnichannel.messaging.alert.domain.AlertEntity;
import dev.omnichannel.messaging.alert.repository.AlertRepository;
import dev.omnichannel.messaging.alert.rest.AlertView.Alert;
import dev.omnichannel.messaging.alert.rest.AlertView.AlertRequest;
import dev.omnichannel.messaging.notification.domain.NewNotification;
import dev.omnichannel.messaging.notification.service.NotificationService;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Back-in-stock alerts per store: one active alert per customer, SKU and store; each fires once. */
@ApplicationScoped
public class AlertService {

    static final String TEMPLATE = "back-in-stock";

    private final AlertRepository repository;
    private final RecipientService recipients;
    private final NotificationService notifications;
    private final IdempotentRequests idempotentRequests;
    private final Clock clock;

    AlertService(AlertRepository repository, RecipientService recipients, NotificationService notifications,
            IdempotentRequests idempotentRequests, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.notifications = notifications;
        this.idempotentRequests = idempotentRequests;
        this.clock = clock;
    }

    /** Asking twice for the same alert answers the active one. */
    @WithTransaction
    public Uni<Alert> create(AlertRequest request, String idempotencyKey) {
        return idempotentRequests.once(idempotencyKey, "alert", request, Alert.class,
                () -> recipients.resolve(request.customerId()).chain(customerId -> repository
                        .insertActive(UUID.randomUUID(), customerId, request.sku(), request.storeId(), clock.instant())
                        .chain(() -> repository.active(customerId, request.sku(), request.storeId()))
                        .map(Alert::of)));
    }

    /** The SKU became available at the store: each active alert fires, once (in the caller's transaction). */
    public Uni<Integer> fire(String sku, String storeId) {
        Instant now = clock.instant();
        return repository.activeFor(sku, storeId).chain(alerts -> Multi.createFrom().iterable(alerts)
                .onItem().transformToUniAndConcatenate(alert -> {
                    alert.status = AlertEntity.FIRED;
                    alert.firedAt = now;
                    return notifications.enqueue(new NewNotification(alert.customerId, TEMPLATE, "alert:" + alert.id,
                            data(sku, storeId),
                            "/products/" + encode(sku) + "?storeId=" + encode(storeId)));
                })
                .collect().asList()
                .map(java.util.List::size));
    }

    /** What a back-in-stock message may say ({@code product.sku}, {@code store.id}); both are named when rendered. */
    public static Map<String, Object> data(String sku, String storeId) {
        return Map.of("product", Map.of("sku", sku), "store", Map.of("id", storeId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
