package dev.omnichannel.messaging.recipient.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;

/** Where a customer can be reached, normalized, primary first. */
@RegisterForReflection
public record RecipientAddresses(List<String> emails, List<String> phones, List<String> deviceTokens, List<String> socialHandles) {

    public static final RecipientAddresses NONE = new RecipientAddresses(List.of(), List.of(), List.of(), List.of());

    public RecipientAddresses {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        deviceTokens = deviceTokens == null ? List.of() : List.copyOf(deviceTokens);
        socialHandles = socialHandles == null ? List.of() : List.copyOf(socialHandles);
    }

    /** Every address as a lookup key ({@code email:...}, {@code phone:...}, {@code social:provider:handle}). */
    public List<SenderAddress> all() {
        List<SenderAddress> all = new ArrayList<>();
        emails.forEach(value -> all.add(new SenderAddress(SenderAddress.EMAIL, value)));
        phones.forEach(value -> all.add(new SenderAddress(SenderAddress.PHONE, value)));
        deviceTokens.forEach(value -> all.add(new SenderAddress(SenderAddress.DEVICE, value)));
        socialHandles.forEach(value -> all.add(new SenderAddress(SenderAddress.SOCIAL, value)));
        return all;
    }
}
