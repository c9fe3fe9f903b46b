package dev.omnichannel.customer.timeline.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A collected reservation or a fulfilment order of the customer, as inventory reported it (for segments). */
@Entity
@Table(name = "purchase")
public class Purchase {

    public static final String RESERVATION = "reservation";
    public static final String ORDER = "order";

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** The reservation or order id. */
    @Column(nullable = false, unique = true)
    public String ref;

    @Column(nullable = false)
    public String kind;

    /** Where it was (or will be) collected; null for a home delivery. */
    @Column(name = "store_id")
    public String storeId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "collected_at")
    public Instant collectedAt;
}
