package dev.omnichannel.customer.cart.service;

import dev.omnichannel.customer.cart.domain.Cart;
import dev.omnichannel.customer.cart.domain.CartItem;
import dev.omnichannel.customer.cart.domain.CartTokens;
import dev.omnichannel.customer.cart.repository.CartRepository;
import dev.omnichannel.customer.cart.rest.CartView;
import dev.omnichannel.customer.cart.rest.GuestCartMergeRequest;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sku;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One cart per customer, whatever the device or channel; a guest cart joins it at login. Every
 * change of the lines publishes the customer's snapshot (cart included) with a new version.
 */
@ApplicationScoped
public class CartService {

    private final CustomerRepository customers;
    private final CartRepository carts;
    private final CartLines lines;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;

    CartService(CustomerRepository customers, CartRepository carts, CartLines lines, ProfileChanges changes,
            IdempotentRequests idempotent) {
        this.customers = customers;
        this.carts = carts;
        this.lines = lines;
        this.changes = changes;
        this.idempotent = idempotent;
    }

    record SetLine(String sku, int quantity) {
    }

    @WithSession
    public Uni<CartView> get(UUID customerId) {
        return customers.requireActive(customerId).chain(this::view);
    }

    @WithTransaction
    public Uni<CartView> set(UUID customerId, String sku, int quantity, String idempotencyKey) {
        Sku.check(sku);
        return idempotent.once(idempotencyKey, "cart:" + customerId, new SetLine(sku, quantity), CartView.class,
                () -> customers.requireLockedActive(customerId).chain(customer -> cartOf(customer, Now.instant())
                        .chain(cart -> lines.set(cart, sku, quantity, Now.instant()))
                        .chain(changed -> published(customer, changed))
                        .chain(() -> view(customer))));
    }

    /**
     * Adds the guest cart's lines to the customer's cart and closes the guest cart. A closed,
     * unknown or wrongly-tokened guest cart is a 404: merging the same cart twice adds nothing.
     */
    @WithTransaction
    public Uni<CartView> mergeGuest(UUID customerId, GuestCartMergeRequest request, String idempotencyKey) {
        return idempotent.once(idempotencyKey, "cart-merge:" + customerId, request, CartView.class,
                () -> customers.requireLockedActive(customerId).chain(customer -> carts.lockGuest(request.cartId())
                        .map(guest -> {
                            if (guest == null || !Cart.OPEN.equals(guest.status)
                                    || !CartTokens.matches(request.cartToken(), guest.tokenHash)) {
                                throw ProblemException.notFound("No open guest cart " + request.cartId() + " with this token");
                            }
                            return guest;
                        })
                        .chain(guest -> {
                            Instant now = Now.instant();
                            return lines.of(guest.id).chain(guestLines -> cartOf(customer, now)
                                    .chain(cart -> addAll(cart, guestLines, now))
                                    .chain(() -> lines.clear(guest.id))
                                    .invoke(() -> {
                                        guest.status = Cart.CLOSED;
                                        guest.mergedInto = customer.id;
                                        guest.updatedAt = now;
                                    })
                                    .chain(() -> published(customer, !guestLines.isEmpty())));
                        })
                        .chain(() -> view(customer))));
    }

    private Uni<Void> addAll(Cart cart, List<CartItem> items, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CartItem item : items) {
            chain = chain.chain(() -> lines.add(cart, item.sku, item.quantity, item.addedAt, now));
        }
        return chain;
    }

    /** A change publishes the snapshot (version + 1); nothing changed, nothing published, the version stays. */
    private Uni<Void> published(Customer customer, boolean changed) {
        return changed ? changes.changed(customer).replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** The customer's cart, created on first use; the caller holds the customer's lock. */
    public Uni<Cart> cartOf(Customer customer, Instant now) {
        return carts.ofCustomer(customer.id)
                .onItem().ifNull().switchTo(() -> carts.persist(Cart.ofCustomer(customer.id, now)));
    }

    private Uni<CartView> view(Customer customer) {
        return carts.ofCustomer(customer.id).chain(cart -> cart == null
                ? Uni.createFrom().item(new CartView(customer.id, List.of(), null, customer.version))
                : lines.view(cart.id).map(items -> new CartView(customer.id, items, cart.updatedAt, customer.version)));
    }
}
