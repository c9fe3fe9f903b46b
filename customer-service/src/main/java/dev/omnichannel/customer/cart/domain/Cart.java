package dev.omnichannel.customer.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's one cart (every device, every channel), or a guest's cart reached with its token. */
@Entity
@Table(name = "cart")
public class Cart {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    public UUID id;

    /** The owner; null for a guest cart. */
    @Column(name = "customer_id")
    public UUID customerId;

    /** SHA-256 of a guest cart's token; the token itself is never stored. */
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(nullable = false)
    public String status;

    /** The customer a guest cart was merged into. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Cart ofCustomer(UUID customerId, Instant now) {
        Cart cart = new Cart();
        cart.id = UUID.randomUUID();
        cart.customerId = customerId;
        cart.status = OPEN;
        cart.createdAt = now;
        cart.updatedAt = now;
        return cart;
    }

    public static Cart ofGuest(String tokenHash, Instant now) {
        Cart cart = ofCustomer(null, now);
        cart.tokenHash = tokenHash;
        return cart;
    }
}
