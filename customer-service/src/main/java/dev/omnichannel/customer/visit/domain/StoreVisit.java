package dev.omnichannel.customer.visit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A kiosk or a member of staff identified the customer in a store. */
@Entity
@Table(name = "store_visit")
public class StoreVisit {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    public String channel;

    @Column(nullable = false)
    public Instant at;
}
