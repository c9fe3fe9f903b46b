package dev.omnichannel.gateway.client.customer;

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
import jakarta.ws.rs.PATCH;
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
 * customer-service's REST API (docs/services-api.md). Package-private: {@link CustomerClient}
 * wraps it with timeouts, retries and circuit breakers.
 */
@RegisterRestClient(configKey = "customer")
@RegisterClientHeaders(ForwardedHeadersFactory.class)
@OidcClientFilter
interface CustomerServiceApi {

    String CART_TOKEN = "X-Cart-Token";

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceCalls.fromAnswer(CustomerClient.SERVICE, response);
    }

    @POST
    @Path("/customers/resolve")
    Uni<JsonNode> resolve(Object identity);

    @GET
    @Path("/customers/{id}")
    Uni<JsonNode> profile(@PathParam("id") String id);

    @GET
    @Path("/customers")
    Uni<JsonNode> findByIdentity(@QueryParam("identity") String identity);

    @PATCH
    @Path("/customers/{id}/preferences")
    Uni<RestResponse<JsonNode>> updatePreferences(@PathParam("id") String id, Object preferences,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @PUT
    @Path("/customers/{id}/consents/{channel}")
    Uni<RestResponse<JsonNode>> setConsent(@PathParam("id") String id, @PathParam("channel") String channel,
            Object consent, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/customers/{id}/cart")
    Uni<JsonNode> cart(@PathParam("id") String id);

    @PUT
    @Path("/customers/{id}/cart/items/{sku}")
    Uni<RestResponse<JsonNode>> setCartItem(@PathParam("id") String id, @PathParam("sku") String sku, Object quantity,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @DELETE
    @Path("/customers/{id}/cart/items/{sku}")
    Uni<RestResponse<JsonNode>> removeCartItem(@PathParam("id") String id, @PathParam("sku") String sku,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/customers/{id}/cart/merge")
    Uni<RestResponse<JsonNode>> mergeCart(@PathParam("id") String id, Object guestCart,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/carts")
    Uni<RestResponse<JsonNode>> createGuestCart(@HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/carts/{id}")
    Uni<JsonNode> guestCart(@PathParam("id") String id, @HeaderParam(CART_TOKEN) String cartToken);

    @PUT
    @Path("/carts/{id}/items/{sku}")
    Uni<RestResponse<JsonNode>> setGuestCartItem(@PathParam("id") String id, @PathParam("sku") String sku,
            @HeaderParam(CART_TOKEN) String cartToken, Object quantity,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/customers/{id}/wishlist")
    Uni<JsonNode> wishlist(@PathParam("id") String id);

    @PUT
    @Path("/customers/{id}/wishlist/{sku}")
    Uni<RestResponse<JsonNode>> addToWishlist(@PathParam("id") String id, @PathParam("sku") String sku,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @DELETE
    @Path("/customers/{id}/wishlist/{sku}")
    Uni<RestResponse<JsonNode>> removeFromWishlist(@PathParam("id") String id, @PathParam("sku") String sku,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/customers/{id}/merge")
    Uni<RestResponse<JsonNode>> merge(@PathParam("id") String survivorId, Object duplicate,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/merges/{mergeId}/undo")
    Uni<RestResponse<JsonNode>> undoMerge(@PathParam("mergeId") String mergeId,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @POST
    @Path("/customers/{id}/visits")
    Uni<RestResponse<JsonNode>> recordVisit(@PathParam("id") String id, Object visit,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/customers/{id}/visits/latest")
    Uni<JsonNode> latestVisit(@PathParam("id") String id, @QueryParam("storeId") String storeId);

    @GET
    @Path("/customers/{id}/timeline")
    Uni<JsonNode> timeline(@PathParam("id") String id, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/internal/personal-data-keys/{id}")
    Uni<JsonNode> personalDataKey(@PathParam("id") String id);

    @GET
    @Path("/customers/{id}/export")
    Uni<JsonNode> export(@PathParam("id") String id);

    @DELETE
    @Path("/customers/{id}")
    Uni<RestResponse<JsonNode>> erase(@PathParam("id") String id,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);
}
