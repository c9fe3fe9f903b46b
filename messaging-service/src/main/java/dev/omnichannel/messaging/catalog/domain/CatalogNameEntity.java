package dev.omnichannel.messaging.catalog.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The name of a product or location as inventory last published it (rows are written with SQL). */
@Entity
@Table(name = "catalog_name")
public class CatalogNameEntity extends PanacheEntityBase {

    /** The key on {@code inventory.catalog}: {@code product:<sku>} or {@code location:<id>}. */
    @Id
    @Column(name = "key")
    public String ref;

    public String name;

    /** A location's city; null for products and for locations without an address. */
    public String city;

    public long version;
}
