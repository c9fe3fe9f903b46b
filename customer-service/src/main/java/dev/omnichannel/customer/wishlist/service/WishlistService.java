package dev.omnichannel.customer.wishlist.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sku;
import dev.omnichannel.customer.wishlist.domain.WishlistItem;
import dev.omnichannel.customer.wishlist.repository.WishlistRepository;
import dev.omnichannel.customer.wishlist.rest.WishlistView;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class WishlistService {

    private final CustomerRepository customers;
    private final WishlistRepository wishlist;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;

    WishlistService(CustomerRepository customers, WishlistRepository wishlist, ProfileChanges changes,
            IdempotentRequests idempotent) {
        this.customers = customers;
        this.wishlist = wishlist;
        this.changes = changes;
        this.idempotent = idempotent;
    }

    record Change(String sku, boolean wanted) {
    }

    @WithSession
    public Uni<WishlistView> get(UUID customerId) {
        return customers.requireActive(customerId).chain(this::view);
    }

    /**
     * A change publishes the customer's snapshot (wishlist included) with a new version; adding
     * twice or removing what is not there changes nothing and publishes nothing.
     */
    @WithTransaction
    public Uni<WishlistView> change(UUID customerId, String sku, boolean wanted, String idempotencyKey) {
        Sku.check(sku);
        return idempotent.once(idempotencyKey, "wishlist:" + customerId, new Change(sku, wanted), WishlistView.class,
                () -> customers.requireLockedActive(customerId).chain(customer -> wishlist.findOf(customer.id, sku)
                        .chain(item -> {
                            if (wanted && item == null) {
                                WishlistItem added = new WishlistItem();
                                added.id = UUID.randomUUID();
                                added.customerId = customer.id;
                                added.sku = sku;
                                added.addedAt = Now.instant();
                                return wishlist.persist(added).replaceWith(true);
                            }
                            return !wanted && item != null ? wishlist.delete(item).replaceWith(true) : Uni.createFrom().item(false);
                        })
                        .chain(changed -> changed ? changes.changed(customer).replaceWithVoid() : Uni.createFrom().voidItem())
                        .chain(() -> view(customer))));
    }

    private Uni<WishlistView> view(Customer customer) {
        return wishlist.listOf(customer.id).map(items -> new WishlistView(customer.id,
                items.stream().map(i -> new WishlistView.Item(i.sku, i.addedAt)).toList(), customer.version));
    }
}
