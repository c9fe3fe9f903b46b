package dev.omnichannel.customer.segment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The customer belongs to {@code segment} (e.g. {@code vip}, {@code regular:paris-louvre}) since then. */
@Entity
@Table(name = "customer_segment")
public class CustomerSegment {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String segment;

    @Column(nullable = false)
    public Instant since;
}
