package dev.omnichannel.gateway.client.customer;

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
 * Calls to customer-service. Every call has a timeout and a circuit breaker; reads, PUTs and
 * DELETEs are retried, other mutations (POST, PATCH) only when the caller gave an
 * Idempotency-Key. A 4xx problem is never retried and does not count against the service.
 */
@ApplicationScoped
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ServiceProblemException.class)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = { ServiceProblemException.class, NotRetriedException.class })
public class CustomerClient {

    public static final String SERVICE = "customer";

    private final CustomerServiceApi api;

    public CustomerClient(@RestClient CustomerServiceApi api) {
        this.api = api;
    }

    /** Find-or-create by one identity: idempotent by definition (race-free on the service's side). */
    public Uni<JsonNode> resolve(ResolveIdentity identity) {
        return api.resolve(identity);
    }

    public Uni<JsonNode> profile(String customerId) {
        return api.profile(customerId);
    }

    /** {@code {"items":[profile]}}; a 404 problem when nobody has this identity. */
    public Uni<JsonNode> findByIdentity(String identity) {
        return api.findByIdentity(identity);
    }

    public Uni<RestResponse<JsonNode>> updatePreferences(String customerId, Object preferences, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.updatePreferences(customerId, preferences, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> setConsent(String customerId, String channel, Object consent, String idempotencyKey) {
        return api.setConsent(customerId, channel, consent, idempotencyKey);
    }

    public Uni<JsonNode> cart(String customerId) {
        return api.cart(customerId);
    }

    public Uni<RestResponse<JsonNode>> setCartItem(String customerId, String sku, Object quantity, String idempotencyKey) {
        return api.setCartItem(customerId, sku, quantity, idempotencyKey);
    }

    public Uni<RestResponse<JsonNode>> removeCartItem(String customerId, String sku, String idempotencyKey) {
        return api.removeCartItem(customerId, sku, idempotencyKey);
    }

    public Uni<RestResponse<JsonNode>> mergeCart(String customerId, Object guestCart, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.mergeCart(customerId, guestCart, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> createGuestCart(String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.createGuestCart(idempotencyKey));
    }

    public Uni<JsonNode> guestCart(String cartId, String cartToken) {
        return api.guestCart(cartId, cartToken);
    }

    public Uni<RestResponse<JsonNode>> setGuestCartItem(String cartId, String sku, String cartToken, Object quantity,
            String idempotencyKey) {
        return api.setGuestCartItem(cartId, sku, cartToken, quantity, idempotencyKey);
    }

    public Uni<JsonNode> wishlist(String customerId) {
        return api.wishlist(customerId);
    }

    public Uni<RestResponse<JsonNode>> addToWishlist(String customerId, String sku, String idempotencyKey) {
        return api.addToWishlist(customerId, sku, idempotencyKey);
    }

    public Uni<RestResponse<JsonNode>> removeFromWishlist(String customerId, String sku, String idempotencyKey) {
        return api.removeFromWishlist(customerId, sku, idempotencyKey);
    }

    public Uni<RestResponse<JsonNode>> merge(String survivorId, Object duplicate, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.merge(survivorId, duplicate, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> undoMerge(String mergeId, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.undoMerge(mergeId, idempotencyKey));
    }

    /** Recording the same identification twice only moves "latest visit": safe to repeat. */
    public Uni<RestResponse<JsonNode>> recordVisit(String customerId, String storeId, String idempotencyKey) {
        return api.recordVisit(customerId, new Visit(storeId), idempotencyKey);
    }

    /** {@code {"storeId","at"}}; a 404 problem when the customer was never identified there. */
    public Uni<JsonNode> latestVisit(String customerId, String storeId) {
        return api.latestVisit(customerId, storeId);
    }

    public Uni<JsonNode> timeline(String customerId, Integer page, Integer size) {
        return api.timeline(customerId, page, size);
    }

    /** {@code {"key": base64}}; a 404 problem once the customer is erased. */
    public Uni<JsonNode> personalDataKey(String customerId) {
        return api.personalDataKey(customerId);
    }

    public Uni<JsonNode> export(String customerId) {
        return api.export(customerId);
    }

    public Uni<RestResponse<JsonNode>> erase(String customerId, String idempotencyKey) {
        return api.erase(customerId, idempotencyKey);
    }

    /** The body of {@code POST /customers/resolve}. */
    public record ResolveIdentity(String type, String value, String provider, String displayName, String email,
            Boolean emailVerified) {
    }

    record Visit(String storeId) {
    }
}
