package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.cart.domain.Cart;
import dev.omnichannel.customer.cart.domain.CartItem;
import dev.omnichannel.customer.cart.repository.CartItemRepository;
import dev.omnichannel.customer.cart.repository.CartRepository;
import dev.omnichannel.customer.cart.service.CartService;
import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cart's part of a merge: the duplicate's lines summed into the survivor's cart, and taken
 * back out again by an undo.
 */
@ApplicationScoped
class CartMerge {

    private final CartService cartService;
    private final CartRepository carts;
    private final CartItemRepository cartItems;

    CartMerge(CartService cartService, CartRepository carts, CartItemRepository cartItems) {
        this.cartService = cartService;
        this.carts = carts;
        this.cartItems = cartItems;
    }

    Uni<Void> merge(Customer survivor, UUID duplicateId, Instant now) {
        return carts.ofCustomer(duplicateId).chain(duplicateCart -> duplicateCart == null
                ? Uni.createFrom().voidItem()
                : cartService.cartOf(survivor, now).chain(cart -> {
                    cart.updatedAt = now;
                    return Sql.inOrder(
                            () -> Sql.update("""
                                    INSERT INTO cart_item (id, cart_id, sku, quantity, added_at)
                                    SELECT gen_random_uuid(), ?1, sku, quantity, added_at FROM cart_item WHERE cart_id = ?2
                                    ON CONFLICT ON CONSTRAINT cart_item_unique DO UPDATE
                                    SET quantity = LEAST(cart_item.quantity + EXCLUDED.quantity, 99),
                                        added_at = LEAST(cart_item.added_at, EXCLUDED.added_at)
                                    """, cart.id, duplicateCart.id),
                            () -> Sql.update("DELETE FROM cart_item WHERE cart_id = ?1", duplicateCart.id));
                }));
    }

    /** The survivor loses what the merge added to each line (changes made since stay); the duplicate gets its lines back. */
    Uni<Void> undo(Customer survivor, Customer duplicate, MergeRecord record, Instant now) {
        if (record.duplicateCart().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Integer> before = record.survivorCart().stream()
                .collect(Collectors.toMap(MergeRecord.Line::sku, MergeRecord.Line::quantity));
        return carts.ofCustomer(survivor.id)
                .chain(cart -> cart == null ? Uni.createFrom().voidItem() : takeBack(cart, before, record, now))
                .chain(() -> cartService.cartOf(duplicate, now))
                .chain(cart -> giveBack(cart, record, now));
    }

    private Uni<Void> takeBack(Cart cart, Map<String, Integer> before, MergeRecord record, Instant now) {
        return cartItems.listOf(cart.id).chain(lines -> {
            cart.updatedAt = now;
            List<Supplier<Uni<?>>> steps = new ArrayList<>();
            for (MergeRecord.Line brought : record.duplicateCart()) {
                int had = before.getOrDefault(brought.sku(), 0);
                int added = Math.min(had + brought.quantity(), CartItem.MAX_QUANTITY) - had;
                lines.stream().filter(l -> l.sku.equals(brought.sku())).findFirst().ifPresent(line -> {
                    if (line.quantity - added <= 0) {
                        steps.add(() -> cartItems.delete(line));
                    } else {
                        line.quantity -= added;
                    }
                });
            }
            return Sql.inOrder(steps.toArray(Supplier[]::new));
        });
    }

    private Uni<Void> giveBack(Cart cart, MergeRecord record, Instant now) {
        cart.updatedAt = now;
        List<CartItem> restored = record.duplicateCart().stream().map(l -> {
            CartItem item = new CartItem();
            item.id = UUID.randomUUID();
            item.cartId = cart.id;
            item.sku = l.sku();
            item.quantity = l.quantity();
            item.addedAt = l.addedAt();
            return item;
        }).toList();
        return Sql.persistAll(restored);
    }
}
