package dev.omnichannel.messaging.template.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "template")
public class TemplateEntity extends PanacheEntityBase {

    @Id
    public String key;

    @Column(nullable = false)
    public boolean critical;

    @Column(name = "default_language", nullable = false)
    public String defaultLanguage;

    /** The {@link TemplateDefinition} as JSON. */
    @Column(nullable = false)
    public String definition;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Seeded from the demo templates and never put since: a newer demo version may replace it. */
    @Column(nullable = false)
    public boolean demo;
}
