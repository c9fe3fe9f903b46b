package dev.omnichannel.customer.profile.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ways a customer is recognised. */
public enum IdentityType {
    OIDC, EMAIL, PHONE, LOYALTY, DEVICE, SOCIAL;

    public static final List<String> NAMES = Arrays.stream(values()).map(IdentityType::wireName).toList();

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<IdentityType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }

    /** The contact identities a message can be sent to. */
    public boolean isContact() {
        return this == EMAIL || this == PHONE || this == DEVICE;
    }
}
