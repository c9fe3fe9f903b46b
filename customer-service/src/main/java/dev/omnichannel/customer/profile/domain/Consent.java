package dev.omnichannel.customer.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The customer's latest word on being messaged on one channel, when and where it was said. */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public boolean granted;

    @Column(nullable = false)
    public Instant at;

    /** The channel it was given or withdrawn on (web, mobile, kiosk, store, call-center), when known. */
    @Column(name = "given_on")
    public String givenOn;
}
