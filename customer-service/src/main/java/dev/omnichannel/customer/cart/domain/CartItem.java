package dev.omnichannel.customer.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "cart_item")
public class CartItem {

    public static final int MAX_QUANTITY = 99;

    @Id
    public UUID id;

    @Column(name = "cart_id", nullable = false)
    public UUID cartId;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
