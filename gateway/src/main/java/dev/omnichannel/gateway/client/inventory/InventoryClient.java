package dev.omnichannel.gateway.client.inventory;

import static dev.omnichannel.gateway.client.ServiceCalls.retriedOnlyWithKey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.NotRetriedException;
import dev.omnichannel.gateway.client.ServiceProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Calls to inventory-service. Every call has a timeout and a circuit breaker; reads, PUTs and
 * DELETEs are retried, other mutations only when the caller gave an Idempotency-Key (a reservation
 * repeated without one could hold the stock twice). A 4xx problem is never retried and does not
 * count against the service.
 */
@ApplicationScoped
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ServiceProblemException.class)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = { ServiceProblemException.class, NotRetriedException.class })
public class InventoryClient {

    public static final String SERVICE = "inventory";

    private final InventoryServiceApi api;

    public InventoryClient(@RestClient InventoryServiceApi api) {
        this.api = api;
    }

    public Uni<JsonNode> locations() {
        return api.locations();
    }

    public Uni<JsonNode> location(String id) {
        return api.location(id);
    }

    public Uni<JsonNode> products(String query, Integer page, Integer size) {
        return api.products(query, page, size);
    }

    public Uni<JsonNode> product(String sku) {
        return api.product(sku, null);
    }

    /** The product with the promotions for everyone and those of {@code segments}. */
    public Uni<JsonNode> product(String sku, Collection<String> segments) {
        return api.product(sku, segmentsParameter(segments));
    }

    /** A product's visible reviews, newest first: {@code items}, {@code total}, {@code average}. */
    public Uni<JsonNode> reviews(String sku, Integer page, Integer size) {
        return api.reviews(sku, page, size);
    }

    /** The customer's review of a SKU: 201 created, 200 replaced (a PUT, retried like every PUT). */
    public Uni<RestResponse<JsonNode>> writeReview(String sku, String customerId, Object review) {
        return api.writeReview(sku, customerId, review);
    }

    /** Hides a review (staff, {@code X-Actor} recorded). A repeated hide answers the first one, so it is retried too. */
    public Uni<JsonNode> hideReview(String sku, String id, Object reason) {
        return api.hideReview(sku, id, reason);
    }

    /** The reviews a customer wrote, hidden ones marked. */
    public Uni<JsonNode> reviewsOf(String customerId, Integer page, Integer size) {
        return api.reviewsOf(customerId, page, size);
    }

    public Uni<JsonNode> availability(String sku, String storeId, Double lat, Double lon, Double radiusKm) {
        return api.availability(sku, storeId, lat, lon, radiusKm);
    }

    /** {@code [{"sku","storeId","available"}]} for several SKUs at one location. */
    public Uni<JsonNode> availabilityAt(Collection<String> skus, String storeId) {
        return api.availabilityAt(String.join(",", skus), storeId);
    }

    /** Promotions active now for no segment or one of these. */
    public Uni<JsonNode> promotions(Collection<String> segments) {
        return api.promotions(segmentsParameter(segments));
    }

    public Uni<RestResponse<JsonNode>> reserve(Object reservation, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.reserve(reservation, idempotencyKey));
    }

    public Uni<JsonNode> reservation(String id) {
        return api.reservation(id);
    }

    public Uni<JsonNode> reservationsOf(String customerId, Boolean activeOnly) {
        return api.reservationsOf(customerId, activeOnly, null, null);
    }

    public Uni<JsonNode> reservationsOf(String customerId, int page, int size) {
        return api.reservationsOf(customerId, null, page, size);
    }

    public Uni<JsonNode> reservationsByPickupCode(String storeId, String pickupCode) {
        return api.reservationsByPickupCode(storeId, pickupCode);
    }

    public Uni<RestResponse<JsonNode>> extend(String id, Object extension, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.extend(id, extension, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> cancel(String id, String idempotencyKey) {
        return api.cancel(id, idempotencyKey);
    }

    public Uni<RestResponse<JsonNode>> collect(String id, Object pickupCode, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.collect(id, pickupCode, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> ready(String id, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.ready(id, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> order(Object order, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.order(order, idempotencyKey));
    }

    public Uni<JsonNode> order(String id) {
        return api.orderById(id);
    }

    /** The next status of an order (SHIPPED, DELIVERED, COLLECTED, CANCELLED); the same status again changes nothing. */
    public Uni<RestResponse<JsonNode>> advanceOrder(String id, Object status, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.advanceOrder(id, status, idempotencyKey));
    }

    public Uni<JsonNode> ordersOf(String customerId, int page, int size) {
        return api.ordersOf(customerId, page, size);
    }

    public Uni<RestResponse<JsonNode>> acceptReturn(Object itemReturn, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.acceptReturn(itemReturn, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> adjust(Object adjustment, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.adjust(adjustment, idempotencyKey));
    }

    public Uni<RestResponse<JsonNode>> transfer(Object transfer, String idempotencyKey) {
        return retriedOnlyWithKey(idempotencyKey, api.transfer(transfer, idempotencyKey));
    }

    /** {@code segments=vip,new}, or no parameter at all for no segment. */
    private static String segmentsParameter(Collection<String> segments) {
        return segments.isEmpty() ? null : String.join(",", segments);
    }
}
