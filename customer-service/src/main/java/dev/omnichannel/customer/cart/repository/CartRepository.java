package dev.omnichannel.customer.cart.repository;

import dev.omnichannel.customer.cart.domain.Cart;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class CartRepository implements PanacheRepositoryBase<Cart, UUID> {

    public Uni<Cart> ofCustomer(UUID customerId) {
        return find("customerId", customerId).firstResult();
    }

    public Uni<Cart> lockGuest(UUID cartId) {
        return find("id = ?1 and customerId is null", cartId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Cart> findGuest(UUID cartId) {
        return find("id = ?1 and customerId is null", cartId).firstResult();
    }
}
