package dev.omnichannel.messaging.campaign.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "campaign")
public class CampaignEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String segment;

    @Column(name = "template_key", nullable = false)
    public String templateKey;

    @Column(name = "promotion_id")
    public String promotionId;

    /** The offer's data (JSON), the same for every member and channel. */
    @Column(nullable = false)
    public String data;

    @Column(nullable = false)
    public int recipients;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
