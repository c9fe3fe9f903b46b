package dev.omnichannel.customer.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One way of recognising a customer; (type, value, provider) belongs to one customer only. */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String type;

    /** Normalised: E.164 phone, lower-case email, upper-case loyalty card, {@code @handle}. */
    @Column(nullable = false)
    public String value;

    /** The social network of a {@code social} handle; empty for the other types. */
    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public boolean verified;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
