package dev.omnichannel.gateway.client.messaging;

import static dev.omnichannel.gateway.client.ServiceCalls.retriedOnlyWithKey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.NotRetriedException;
import dev.omnichannel.gateway.client.ServiceProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Calls to messaging-service. Every call has a timeout and a circuit breaker; reads and PUTs are
 * retried, other mutations only when the caller gave an Idempotency-Key. Webhooks are never
 * retried by the gateway: the provider retries them itself.
 */
@ApplicationScoped
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ServiceProblemException.class)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = { ServiceProblemException.class, NotRetriedException.class })
public class MessagingClient {

    public static final String SERVICE = "messaging";

    private final MessagingServiceApi api;
    private final WebhookApi webhooks;
    private final TrackingApi tracking;

    public MessagingClient(@RestClient MessagingServiceApi api, @RestClient WebhookApi webhooks,
            @RestClient TrackingApi tracking) {
        this.api = api;
        this.webhooks = webhooks;
        this.tracking = tracking;
    }

    public Uni<RestResponse<JsonNode>> saveTemplate(String key, Object template, String idempotencyKey) {
        return api.saveTemplate(key, template, idempotencyKey);
    }

    /** The first page of the customer's inbox. */
    /** {@code {"key": base64}}; a 404 problem once the customer is erased. */
    public Uni<JsonNode> personalDataKey(String customerId) {
        return api.personalDataKey(customerId);
    }

    public Uni<JsonNode> notifications(String customerId) {
        return api.notifications(customerId, null, null);
    }

    /** The customer's inbox: every message sent to them, on any channel, newest first (paged). */
    public Uni<JsonNode> notifications(String customerId, Integer page, Integer size) {
        return api.notifications(customerId, page, size);
    }

    /** Marks one message of the customer's inbox read; idempotent by nature, so retried like a PUT. */
    public Uni<JsonNode> readNotification(String customerId, String notificationId) {
        return api.readNotification(customerId, notificationId);
    }

    public Uni<RestResponse<JsonNode>> alert(Object alert, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.alert(alert, idempotencyKey));
    }

    public Uni<JsonNode> conversationsOf(String customerId) {
        return api.conversationsOf(customerId, null, null);
    }

    public Uni<JsonNode> conversationsOf(String customerId, int page, int size) {
        return api.conversationsOf(customerId, page, size);
    }

    public Uni<RestResponse<JsonNode>> startConversation(String customerId, Object conversation, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.startConversation(customerId, conversation, idempotencyKey));
    }

    public Uni<JsonNode> conversation(String id) {
        return api.conversation(id);
    }

    public Uni<RestResponse<JsonNode>> addMessage(String conversationId, Object message, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.addMessage(conversationId, message, idempotencyKey));
    }

    /** {@code {"unread","lastMessages":[…]}} for the personalized view. */
    public Uni<JsonNode> conversationSummary(String customerId) {
        return api.conversationSummary(customerId);
    }

    public Uni<RestResponse<JsonNode>> campaign(Object campaign, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.campaign(campaign, idempotencyKey));
    }

    public Uni<JsonNode> channelAnalytics(String from, String to) {
        return api.channelAnalytics(from, to);
    }

    /** A tracked link: the open pixel (200, image) or the click's redirect (302 with Location), as messaging answers. */
    public Uni<RestResponse<byte[]>> followTrackedLink(String token) {
        return tracking.follow(token);
    }

    @Retry(maxRetries = 0)
    public Uni<RestResponse<byte[]>> deliverWebhook(String channel, String signature, String contentType, byte[] body) {
        return webhooks.deliver(channel, signature, contentType, body);
    }
}
