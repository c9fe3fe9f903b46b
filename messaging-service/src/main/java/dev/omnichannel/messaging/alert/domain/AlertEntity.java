package dev.omnichannel.messaging.alert.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** "Tell me when this SKU is available at this store": active until it fires, once. */
@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String FIRED = "fired";

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String sku;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "fired_at")
    public Instant firedAt;
}
