package dev.omnichannel.gateway.client.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.ForwardedHeadersFactory;
import dev.omnichannel.gateway.client.ServiceCalls;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * inventory-service's REST API (docs/services-api.md). Package-private: {@link InventoryClient}
 * wraps it with timeouts, retries and circuit breakers.
 */
@RegisterRestClient(configKey = "inventory")
@RegisterClientHeaders(ForwardedHeadersFactory.class)
@OidcClientFilter
interface InventoryServiceApi {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceCalls.fromAnswer(InventoryClient.SERVICE, response);
    }

    @GET
    @Path("/locations")
    Uni<JsonNode> locations();

    @GET
    @Path("/locations/{id}")
    Uni<JsonNode> location(@PathParam("id") String id);

    @GET
    @Path("/products")
    Uni<JsonNode> products(@QueryParam("q") String query, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/products/{sku}")
    Uni<JsonNode> product(@PathParam("sku") String sku, @QueryParam("segments") String segments);

    @GET
    @Path("/products/{sku}/availability")
    Uni<JsonNode> availability(@PathParam("sku") String sku, @QueryParam("storeId") String storeId,
            @QueryParam("lat") Double lat, @QueryParam("lon") Double lon, @QueryParam("radiusKm") Double radiusKm);

    @GET
    @Path("/products/{sku}/reviews")
    Uni<JsonNode> reviews(@PathParam("sku") String sku, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @PUT
    @Path("/products/{sku}/reviews/{customerId}")
    Uni<RestResponse<JsonNode>> writeReview(@PathParam("sku") String sku, @PathParam("customerId") String customerId,
            Object review);

    @POST
    @Path("/products/{sku}/reviews/{id}/hide")
    Uni<JsonNode> hideReview(@PathParam("sku") String sku, @PathParam("id") String id, Object reason);

    @GET
    @Path("/reviews")
    Uni<JsonNode> reviewsOf(@QueryParam("customerId") String customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/availability")
    Uni<JsonNode> availabilityAt(@QueryParam("skus") String skus, @QueryParam("storeId") String storeId);

    @GET
    @Path("/promotions")
    Uni<JsonNode> promotions(@QueryParam("segments") String segments);

    @POST
    @Path("/reservations")
    Uni<RestResponse<JsonNode>> reserve(Object reservation, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/reservations/{id}")
    Uni<JsonNode> reservation(@PathParam("id") String id);

    @GET
    @Path("/reservations")
    Uni<JsonNode> reservationsOf(@QueryParam("customerId") String customerId, @QueryParam("active") Boolean active,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/reservations")
    Uni<JsonNode> reservationsByPickupCode(@QueryParam("storeId") String storeId, @QueryParam("pickupCode") String pickupCode);

    @POST
    @Path("/reservations/{id}/extend")
    Uni<RestResponse<JsonNode>> extend(@PathParam("id") String id, Object extension,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @DELETE
    @Path("/reservations/{id}")
    Uni<RestResponse<JsonNode>> cancel(@PathParam("id") String id,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/reservations/{id}/collect")
    Uni<RestResponse<JsonNode>> collect(@PathParam("id") String id, Object pickupCode,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/reservations/{id}/ready")
    Uni<RestResponse<JsonNode>> ready(@PathParam("id") String id,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/orders")
    Uni<RestResponse<JsonNode>> order(Object order, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/orders/{id}")
    Uni<JsonNode> orderById(@PathParam("id") String id);

    @POST
    @Path("/orders/{id}/status")
    Uni<RestResponse<JsonNode>> advanceOrder(@PathParam("id") String id, Object status,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/orders")
    Uni<JsonNode> ordersOf(@QueryParam("customerId") String customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @POST
    @Path("/returns")
    Uni<RestResponse<JsonNode>> acceptReturn(Object itemReturn, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/stock/adjustments")
    Uni<RestResponse<JsonNode>> adjust(Object adjustment, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/stock/transfers")
    Uni<RestResponse<JsonNode>> transfer(Object transfer, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);
}
