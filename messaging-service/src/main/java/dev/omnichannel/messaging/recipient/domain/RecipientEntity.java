package dev.omnichannel.messaging.recipient.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The newest CustomerSnapshot of one customer, as messaging needs it. */
@Entity
@Table(name = "recipient")
public class RecipientEntity extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "preferred_channel")
    public String preferredChannel;

    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "quiet_start")
    public String quietStart;

    @Column(name = "quiet_end")
    public String quietEnd;

    @Column(name = "consent_email", nullable = false)
    public boolean consentEmail;

    @Column(name = "consent_sms", nullable = false)
    public boolean consentSms;

    @Column(name = "consent_push", nullable = false)
    public boolean consentPush;

    @Column(name = "consent_whatsapp", nullable = false)
    public boolean consentWhatsapp;

    /** {@link RecipientAddresses} as JSON, each list primary first. */
    @Column(nullable = false)
    public String addresses;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public boolean erased;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
