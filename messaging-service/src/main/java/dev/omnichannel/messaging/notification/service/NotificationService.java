package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.delivery.events.DeliveryLog;
import dev.omnichannel.messaging.notification.domain.NewNotification;
import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.support.Json;
import dev.omnichannel.messaging.template.service.TemplateService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Queues notifications (in the caller's transaction); the {@link Dispatcher} sends them when due. */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationRepository repository;
    private final RecipientService recipients;
    private final TemplateService templates;
    private final DeliveryLog deliveryLog;
    private final Json json;
    private final Clock clock;

    NotificationService(NotificationRepository repository, RecipientService recipients, TemplateService templates,
            DeliveryLog deliveryLog, Json json, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.templates = templates;
        this.deliveryLog = deliveryLog;
        this.json = json;
        this.clock = clock;
    }

    /** True if queued, false if this trigger already produced a notification for this customer. */
    public Uni<Boolean> enqueue(NewNotification request) {
        return recipients.resolve(request.customerId()).chain(customerId -> templates.definition(request.templateKey())
                .chain(template -> recipients.find(customerId).chain(recipient -> {
                    if (template == null) {
                        LOG.warnf("no template %s yet: the notification for %s is dead-lettered unless it exists when due",
                                request.templateKey(), customerId);
                    }
                    boolean critical = template != null && template.critical();
                    Instant now = clock.instant();
                    Instant notBefore = critical ? now : quietEnd(recipient, now).orElse(now);
                    Map<String, Object> data = new LinkedHashMap<>(request.data());
                    if (request.targetPath() != null) {
                        data.put(Rendering.TARGET_PATH, request.targetPath());
                    }
                    UUID id = UUID.randomUUID();
                    return repository.insertOnce(id, customerId, request.templateKey(), request.triggerId(), json.write(data),
                            critical, notBefore, now)
                            .call(inserted -> inserted ? repository.findById(id)
                                    .call(notification -> deliveryLog.publish(notification, null, NotificationEntity.QUEUED, now))
                                    : Uni.createFrom().voidItem());
                })));
    }

    static Optional<Instant> quietEnd(Optional<Recipient> recipient, Instant now) {
        return recipient.filter(Recipient::hasQuietHours)
                .flatMap(r -> QuietHours.endingAfter(now, r.zone(), r.quietStart(), r.quietEnd()));
    }
}
