package dev.omnichannel.customer.timeline.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened with the customer, on any channel. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** The customer id the event named; differs from customerId when it named a merged-away profile. */
    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public Instant at;

    public String channel;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String summary;

    public String ref;

    @Column(name = "event_id", nullable = false)
    public String eventId;
}
