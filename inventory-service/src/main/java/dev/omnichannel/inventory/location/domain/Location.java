package dev.omnichannel.inventory.location.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A store or a warehouse, and what it can do. */
@Entity
@Table(name = "location")
public class Location extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** {@code store} or {@code warehouse}. */
    public String type;

    public double lat;

    public double lon;

    public String street;

    @Column(name = "postal_code")
    public String postalCode;

    public String city;

    public String country;

    @Column(name = "time_zone")
    public String timeZone;

    /** JSON object: day ({@code mon}..{@code sun}) to {@code "09:00-20:00"} or {@code "closed"}. */
    @Column(name = "opening_hours")
    public String openingHours;

    public boolean sells;

    public boolean pickup;

    @Column(name = "ship_from")
    public boolean shipFrom;

    public boolean returns;
}
