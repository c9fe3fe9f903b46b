package dev.omnichannel.customer.merge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Audit of a merge: who, when, and what moved (enough to undo it). */
@Entity
@Table(name = "customer_merge")
public class CustomerMerge {

    @Id
    public UUID id;

    @Column(name = "survivor_id", nullable = false)
    public UUID survivorId;

    @Column(name = "duplicate_id", nullable = false)
    public UUID duplicateId;

    /** The X-Actor of the request ({@code staff:<subject>@<store>}, {@code admin:<subject>}). */
    @Column(nullable = false)
    public String actor;

    public String channel;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    /** {@link MergeRecord} as JSON; cleared when either customer is erased. */
    public String moved;

    @Column(name = "undone_at")
    public Instant undoneAt;

    @Column(name = "undone_by")
    public String undoneBy;
}
