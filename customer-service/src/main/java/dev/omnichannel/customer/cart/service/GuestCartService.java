package dev.omnichannel.customer.cart.service;

import dev.omnichannel.customer.cart.domain.Cart;
import dev.omnichannel.customer.cart.domain.CartTokens;
import dev.omnichannel.customer.cart.repository.CartRepository;
import dev.omnichannel.customer.cart.rest.GuestCartView;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sku;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Anonymous carts before login, reached with their id and token; a wrong token looks like an unknown cart. */
@ApplicationScoped
public class GuestCartService {

    private final CartRepository carts;
    private final CartLines lines;
    private final IdempotentRequests idempotent;

    GuestCartService(CartRepository carts, CartLines lines, IdempotentRequests idempotent) {
        this.carts = carts;
        this.lines = lines;
        this.idempotent = idempotent;
    }

    record SetLine(UUID cartId, String sku, int quantity) {
    }

    @WithTransaction
    public Uni<GuestCartView> create(String idempotencyKey) {
        return idempotent.once(idempotencyKey, "guest-cart", "create", GuestCartView.class, () -> {
            String token = CartTokens.newToken();
            Cart cart = Cart.ofGuest(CartTokens.hash(token), Now.instant());
            return carts.persist(cart).map(saved -> new GuestCartView(saved.id, token, List.of(), saved.updatedAt));
        });
    }

    @WithSession
    public Uni<GuestCartView> get(UUID cartId, String token) {
        return carts.findGuest(cartId).map(cart -> checked(cart, cartId, token)).chain(this::view);
    }

    @WithTransaction
    public Uni<GuestCartView> set(UUID cartId, String token, String sku, int quantity, String idempotencyKey) {
        Sku.check(sku);
        return idempotent.once(idempotencyKey, "guest-cart:" + cartId, new SetLine(cartId, sku, quantity), GuestCartView.class,
                () -> carts.lockGuest(cartId).map(cart -> checked(cart, cartId, token))
                        .call(cart -> lines.set(cart, sku, quantity, Now.instant()))
                        .chain(this::view));
    }

    private static Cart checked(Cart cart, UUID cartId, String token) {
        if (cart == null || !Cart.OPEN.equals(cart.status) || !CartTokens.matches(token, cart.tokenHash)) {
            throw ProblemException.notFound("No guest cart " + cartId);
        }
        return cart;
    }

    private Uni<GuestCartView> view(Cart cart) {
        return lines.view(cart.id).map(items -> new GuestCartView(cart.id, null, items, cart.updatedAt));
    }
}
