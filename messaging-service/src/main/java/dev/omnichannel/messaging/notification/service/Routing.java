package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.config.MessagingConfig;
import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.service.TemplateService;
import io.quarkus.qute.TemplateException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a claimed notification goes now, decided on its template and recipient as they are at send
 * time: it waits (recipient not known yet, quiet hours), is dead-lettered (no template, no channel
 * left), or is rendered ({@link Rendering}) for the first channel {@link ChannelPolicy} allows — a
 * template that does not render gives that channel up. Runs in the {@link Dispatcher}'s first
 * transaction; the state changes are {@link Outcomes}'.
 */
@ApplicationScoped
class Routing {

    private static final Duration UNKNOWN_RECIPIENT_RETRY = Duration.ofSeconds(5);

    private final NotificationRepository repository;
    private final RecipientService recipients;
    private final TemplateService templates;
    private final Rendering rendering;
    private final Outcomes outcomes;
    private final MessagingConfig config;
    private final Clock clock;

    Routing(NotificationRepository repository, RecipientService recipients, TemplateService templates, Rendering rendering,
            Outcomes outcomes, MessagingConfig config, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.templates = templates;
        this.rendering = rendering;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
    }

    Uni<Attempt> prepare(UUID id) {
        return repository.findById(id).chain(notification -> {
            if (notification == null || !NotificationEntity.SENDING.equals(notification.status)) {
                return Uni.createFrom().nullItem();
            }
            boolean inInbox = notification.inInbox();
            return templates.definition(notification.templateKey)
                    .chain(template -> recipients.find(notification.customerId)
                            .chain(recipient -> plan(notification, template, recipient)))
                    .call(() -> outcomes.inboxChanged(notification, inInbox));
        });
    }

    private Uni<Attempt> plan(NotificationEntity notification, TemplateDefinition template, Optional<Recipient> recipient) {
        Instant now = clock.instant();
        if (template == null) {
            return outcomes.deadLetter(notification, "no template " + notification.templateKey, now);
        }
        if (recipient.isEmpty() && notification.createdAt.plus(config.dispatch().unknownRecipientGrace()).isAfter(now)) {
            return outcomes.requeue(notification, now.plus(UNKNOWN_RECIPIENT_RETRY)); // its snapshot may be on its way
        }
        // the template decides, as it is now: it may have been saved after the notification was queued
        if (!notification.critical && !template.critical()) {
            Optional<Instant> quietEnd = NotificationService.quietEnd(recipient, now);
            if (quietEnd.isPresent()) {
                return outcomes.requeue(notification, quietEnd.get());
            }
        }
        List<MessageChannel> candidates = ChannelPolicy.candidates(recipient, template, notification.failedChannelSet(),
                config.fallbackOrder());
        if (candidates.isEmpty()) {
            String tried = notification.failedChannels.isBlank() ? "none" : notification.failedChannels;
            return outcomes.deadLetter(notification, "no channel left (failed: " + tried + ")", now);
        }
        MessageChannel channel = candidates.getFirst();
        String address = channel == MessageChannel.IN_APP ? notification.customerId : recipient.flatMap(r -> r.address(channel)).orElseThrow();
        return rendering.prepare(notification, recipient, template, channel, address)
                .map(message -> {
                    notification.channel = channel.wireName();
                    notification.address = address;
                    notification.title = message.subject() != null ? message.subject() : message.title();
                    notification.body = message.text() != null ? message.text() : message.body();
                    notification.link = message.link();
                    return new Attempt(notification.id, message);
                })
                .onFailure(TemplateException.class).recoverWithUni(e -> outcomes.failChannel(notification, channel.wireName(),
                        "the template does not render: " + e.getMessage(), now).replaceWith((Attempt) null));
    }
}
