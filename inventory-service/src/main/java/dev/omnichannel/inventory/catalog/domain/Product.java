package dev.omnichannel.inventory.catalog.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A SKU of the catalogue with its list price, the same on every channel. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public String sku;

    public String name;

    public String description;

    public BigDecimal price;

    /** ISO 4217, e.g. EUR. */
    public String currency;
}
