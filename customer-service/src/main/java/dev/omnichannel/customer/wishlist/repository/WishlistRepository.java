package dev.omnichannel.customer.wishlist.repository;

import dev.omnichannel.customer.wishlist.domain.WishlistItem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WishlistRepository implements PanacheRepositoryBase<WishlistItem, UUID> {

    public Uni<List<WishlistItem>> listOf(UUID customerId) {
        return list("customerId = ?1 order by addedAt, sku", customerId);
    }

    public Uni<WishlistItem> findOf(UUID customerId, String sku) {
        return find("customerId = ?1 and sku = ?2", customerId, sku).firstResult();
    }
}
