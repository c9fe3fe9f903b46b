package dev.omnichannel.customer.cart.repository;

import dev.omnichannel.customer.cart.domain.CartItem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CartItemRepository implements PanacheRepositoryBase<CartItem, UUID> {

    public Uni<List<CartItem>> listOf(UUID cartId) {
        return list("cartId = ?1 order by addedAt, sku", cartId);
    }

    /** The lines of the customer's own cart, oldest first (none when the customer has no cart yet). */
    public Uni<List<CartItem>> listOfCustomer(UUID customerId) {
        return list("cartId in (select c.id from Cart c where c.customerId = ?1) order by addedAt, sku", customerId);
    }

    public Uni<CartItem> findOf(UUID cartId, String sku) {
        return find("cartId = ?1 and sku = ?2", cartId, sku).firstResult();
    }
}
