package dev.omnichannel.customer.profile.domain;

/** A normalised identity: what the unique constraint is on. */
public record IdentityKey(IdentityType type, String value, String provider) {

    public String typeName() {
        return type.wireName();
    }
}
