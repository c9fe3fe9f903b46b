package dev.omnichannel.messaging.webhook.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.conversation.service.InboundMessages;
import dev.omnichannel.messaging.delivery.service.DeliveryService;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import dev.omnichannel.messaging.webhook.rest.WebhookPayload;
import dev.omnichannel.messaging.webhook.rest.WebhookResult;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.FieldError;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Provider webhooks: inbound messages join the sender's conversation, receipts move delivery status. */
@ApplicationScoped
public class WebhookService {

    static final Set<String> CHANNELS = Set.of("email", "sms", "push", "whatsapp", "social");
    private static final Set<String> INBOUND = Set.of("email", "sms", "whatsapp", "social");
    private static final Set<String> RECEIPTS = Set.of("email", "sms", "push", "whatsapp");

    private final WebhookSignature signature;
    private final InboundMessages inboundMessages;
    private final DeliveryService delivery;
    private final IdempotentRequests idempotentRequests;
    private final ObjectMapper mapper;

    WebhookService(WebhookSignature signature, InboundMessages inboundMessages, DeliveryService delivery,
            IdempotentRequests idempotentRequests, ObjectMapper mapper) {
        this.signature = signature;
        this.inboundMessages = inboundMessages;
        this.delivery = delivery;
        this.idempotentRequests = idempotentRequests;
        this.mapper = mapper;
    }

    /** The signature is checked on the raw bytes before anything is read or written. */
    public Uni<WebhookResult> receive(String channel, byte[] body, String givenSignature, String idempotencyKey) {
        if (!CHANNELS.contains(channel)) {
            return Uni.createFrom().failure(ProblemException.notFound("No webhook for channel " + channel));
        }
        signature.verify(channel, body, givenSignature);
        WebhookPayload payload = parse(body);
        return Panache.withTransaction(() -> idempotentRequests.once(idempotencyKey, "webhook:" + channel, payload,
                WebhookResult.class, () -> handle(channel, payload)));
    }

    private Uni<WebhookResult> handle(String channel, WebhookPayload payload) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, "messageId", payload.messageId());
        if ("message".equals(payload.type()) && INBOUND.contains(channel)) {
            require(errors, "from", payload.from());
            require(errors, "text", payload.text());
            if ("social".equals(channel)) {
                boolean qualified = payload.from() != null && payload.from().contains(":");
                if (!qualified) {
                    require(errors, "provider", payload.provider());
                }
            }
            failOn(errors);
            SenderAddress from = SenderAddress.forInbound(channel, payload.from(), payload.provider()).orElseThrow();
            return inboundMessages.inbound(channel, payload.messageId(), from, payload.subject(), payload.text(), payload.at())
                    .map(inbound -> new WebhookResult("message", inbound.conversationId(), inbound.messageId(),
                            inbound.duplicate(), null));
        }
        if ("status".equals(payload.type()) && RECEIPTS.contains(channel)) {
            if (payload.status() == null || !DeliveryService.RECEIPT_STATUSES.contains(payload.status())) {
                errors.add(new FieldError("status", "one of " + DeliveryService.RECEIPT_STATUSES));
            }
            failOn(errors);
            return delivery.onReceipt(channel, payload.messageId(), payload.status())
                    .map(matched -> new WebhookResult("status", null, null, null, matched));
        }
        throw ProblemException.badRequest("type", "'message' (email, sms, whatsapp, social) or 'status' (email, sms, push, whatsapp)");
    }

    private WebhookPayload parse(byte[] body) {
        try {
            WebhookPayload payload = mapper.readValue(body, WebhookPayload.class);
            if (payload == null) {
                throw ProblemException.badRequest("body", "a JSON object is required");
            }
            return payload;
        } catch (IOException e) {
            throw new ProblemException(400, "invalid-request", "Invalid request", "The body is not a valid webhook payload", null);
        }
    }

    private static void require(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required"));
        }
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The webhook payload has invalid fields", errors);
        }
    }
}
