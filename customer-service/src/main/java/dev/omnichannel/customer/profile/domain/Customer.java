package dev.omnichannel.customer.profile.domain;

import dev.omnichannel.customer.support.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The unified profile: who the customer is and how they like to be reached. */
@Entity
@Table(name = "customer")
public class Customer {

    public static final String ACTIVE = "active";
    public static final String MERGED = "merged";
    public static final String ERASED = "erased";

    @Id
    public UUID id;

    @Column(name = "display_name")
    public String displayName;

    @Column(nullable = false)
    public String status;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "preferred_channel")
    public String preferredChannel;

    @Column(name = "preferred_store_id")
    public String preferredStoreId;

    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "quiet_start")
    public String quietStart;

    @Column(name = "quiet_end")
    public String quietEnd;

    /** Increases with every published change of this customer (the snapshot's version). */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "segments_checked_at", nullable = false)
    public Instant segmentsCheckedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    protected Customer() {
    }

    public static Customer create(UUID id, String displayName, Instant now) {
        Customer customer = new Customer();
        customer.id = id;
        customer.displayName = displayName;
        customer.status = ACTIVE;
        customer.createdAt = now;
        customer.lastActivityAt = now;
        customer.segmentsCheckedAt = now;
        return customer;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** Activity moves forward only: an old event replayed late does not make a customer look newer. */
    public void activeAt(Instant at) {
        if (at != null && at.isAfter(lastActivityAt) && !at.isAfter(Now.instant().plusSeconds(300))) {
            lastActivityAt = at;
        }
    }
}
