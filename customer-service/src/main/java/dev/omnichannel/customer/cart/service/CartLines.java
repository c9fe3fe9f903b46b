package dev.omnichannel.customer.cart.service;

import dev.omnichannel.customer.cart.domain.Cart;
import dev.omnichannel.customer.cart.domain.CartItem;
import dev.omnichannel.customer.cart.repository.CartItemRepository;
import dev.omnichannel.customer.cart.rest.CartView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The lines of one cart, guest's or customer's. The caller holds the lock of the cart's owner or of the guest cart. */
@ApplicationScoped
public class CartLines {

    private final CartItemRepository items;

    CartLines(CartItemRepository items) {
        this.items = items;
    }

    /** Sets a line; 0 removes it. False when the cart already was so (the same quantity, no line to remove). */
    public Uni<Boolean> set(Cart cart, String sku, int quantity, Instant now) {
        cart.updatedAt = now;
        return items.findOf(cart.id, sku).chain(line -> {
            int had = line == null ? 0 : line.quantity;
            if (had == quantity) {
                return Uni.createFrom().item(false);
            }
            if (quantity == 0) {
                return items.delete(line).replaceWith(true);
            }
            if (line == null) {
                return items.persist(newLine(cart.id, sku, quantity, now)).replaceWith(true);
            }
            line.quantity = quantity;
            return Uni.createFrom().item(true);
        });
    }

    /** Adds to a line, up to the most a line may hold: no line is lost, a sum above 99 is capped. */
    public Uni<Void> add(Cart cart, String sku, int quantity, Instant addedAt, Instant now) {
        cart.updatedAt = now;
        return items.findOf(cart.id, sku).chain(line -> {
            if (line == null) {
                return items.persist(newLine(cart.id, sku, Math.min(quantity, CartItem.MAX_QUANTITY), addedAt))
                        .replaceWithVoid();
            }
            line.quantity = Math.min(line.quantity + quantity, CartItem.MAX_QUANTITY);
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<List<CartView.Item>> view(UUID cartId) {
        return items.listOf(cartId)
                .map(lines -> lines.stream().map(l -> new CartView.Item(l.sku, l.quantity, l.addedAt)).toList());
    }

    public Uni<List<CartItem>> of(UUID cartId) {
        return items.listOf(cartId);
    }

    public Uni<Long> clear(UUID cartId) {
        return items.delete("cartId", cartId);
    }

    private static CartItem newLine(UUID cartId, String sku, int quantity, Instant addedAt) {
        CartItem line = new CartItem();
        line.id = UUID.randomUUID();
        line.cartId = cartId;
        line.sku = sku;
        line.quantity = quantity;
        line.addedAt = addedAt;
        return line;
    }
}
