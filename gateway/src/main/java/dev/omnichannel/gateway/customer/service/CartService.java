package dev.omnichannel.gateway.customer.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.availability.domain.LocationAvailability;
import dev.omnichannel.gateway.availability.service.AvailabilityService;
import dev.omnichannel.gateway.catalog.service.CatalogModel;
import dev.omnichannel.gateway.client.Json;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.customer.rest.Requests.CartQuantity;
import dev.omnichannel.gateway.customer.rest.Requests.GuestCartMerge;
import dev.omnichannel.gateway.interaction.events.InteractionPublisher;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.view.service.ViewUpdates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The customer's one cart and wishlist, the same on every device; each change is an interaction,
 * and is in the customer's next view (the answer is kept in the view model before it goes back).
 */
@ApplicationScoped
public class CartService {

    private final CustomerClient customers;
    private final AvailabilityService availability;
    private final InteractionPublisher interactions;
    private final CallerContext context;
    private final ViewUpdates views;
    private final CatalogModel catalog;

    public CartService(CustomerClient customers, AvailabilityService availability, InteractionPublisher interactions,
            CallerContext context, ViewUpdates views, CatalogModel catalog) {
        this.customers = customers;
        this.availability = availability;
        this.interactions = interactions;
        this.context = context;
        this.views = views;
        this.catalog = catalog;
    }

    public Uni<RestResponse<JsonNode>> setQuantity(String customerId, String sku, CartQuantity quantity) {
        return sold(sku, quantity).chain(() -> customers.setCartItem(customerId, sku, quantity, context.idempotencyKey()))
                .call(answer -> views.cartAnswered(answer.getEntity()))
                .invoke(() -> interactions.record(customerId, context.channel(), InteractionPublisher.CART_CHANGE, sku,
                        null, quantity.quantity()));
    }

    /** A guest's cart, before sign-in: the same rule for what may be added. */
    public Uni<RestResponse<JsonNode>> setGuestQuantity(String cartId, String cartToken, String sku, CartQuantity quantity) {
        return sold(sku, quantity)
                .chain(() -> customers.setGuestCartItem(cartId, sku, cartToken, quantity, context.idempotencyKey()));
    }

    /** Adding needs a product the catalogue sells; setting 0 takes out any line, a withdrawn product's too. */
    private Uni<Void> sold(String sku, CartQuantity quantity) {
        return quantity.quantity() > 0 ? catalog.requireProduct(sku) : Uni.createFrom().voidItem();
    }

    public Uni<RestResponse<JsonNode>> remove(String customerId, String sku) {
        return customers.removeCartItem(customerId, sku, context.idempotencyKey())
                .call(answer -> views.cartAnswered(answer.getEntity()))
                .invoke(() -> interactions.record(customerId, context.channel(), InteractionPublisher.CART_CHANGE, sku,
                        null, 0));
    }

    public Uni<RestResponse<JsonNode>> addToWishlist(String customerId, String sku) {
        return catalog.requireProduct(sku).chain(() -> customers.addToWishlist(customerId, sku, context.idempotencyKey()))
                .call(answer -> views.wishlistAnswered(answer.getEntity()))
                .invoke(() -> interactions.record(customerId, context.channel(), InteractionPublisher.WISHLIST_CHANGE,
                        sku, null, 1));
    }

    public Uni<RestResponse<JsonNode>> removeFromWishlist(String customerId, String sku) {
        return customers.removeFromWishlist(customerId, sku, context.idempotencyKey())
                .call(answer -> views.wishlistAnswered(answer.getEntity()))
                .invoke(() -> interactions.record(customerId, context.channel(), InteractionPublisher.WISHLIST_CHANGE,
                        sku, null, 0));
    }

    /**
     * The guest cart joins the customer's (customer-service adds the quantities and closes it); then
     * any line beyond the stock available anywhere is brought down to it, so a merge never promises
     * what no location has.
     */
    public Uni<JsonNode> merge(String customerId, GuestCartMerge guestCart) {
        return customers.mergeCart(customerId, guestCart, context.idempotencyKey())
                .chain(merged -> capToStock(customerId, Json.items(merged.getEntity())));
    }

    private Uni<JsonNode> capToStock(String customerId, List<JsonNode> lines) {
        List<Uni<Void>> caps = lines.stream().map(line -> {
            String sku = line.path("sku").asText();
            int quantity = line.path("quantity").asInt();
            return availability.ofSku(sku, null, null, null, null)
                    .map(levels -> levels.stream().mapToInt(LocationAvailability::available).sum())
                    // the merge is done: without stock figures the line stays as merged
                    .onFailure().recoverWithItem(Integer.MAX_VALUE)
                    .chain(inStock -> inStock >= quantity ? Uni.createFrom().voidItem()
                            : customers.setCartItem(customerId, sku, new CartQuantity(inStock),
                                    context.idempotencyKey("cap-" + sku)).replaceWithVoid());
        }).toList();
        Uni<Void> capped = caps.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(caps).andFailFast().replaceWithVoid();
        return capped.chain(() -> customers.cart(customerId)).call(views::cartAnswered);
    }
}
