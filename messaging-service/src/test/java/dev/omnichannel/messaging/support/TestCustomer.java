package dev.omnichannel.messaging.support;

import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fresh customer for one test, as customer-service would describe it in a snapshot. */
public final class TestCustomer {

    public final String id = UUID.randomUUID().toString();
    public final String email = "c-" + id.substring(0, 8) + "@example.com";
    public final String phone = "+336" + String.format("%08d", Math.abs(id.hashCode()) % 100_000_000);
    public final String deviceToken = "device-" + id.substring(0, 8);
    public final String socialHandle = "instagram:c_" + id.substring(0, 8);
    public String name = "Jane Doe";
    public String preferredChannel = "email";
    public String language = "en";
    public String timeZone = "Europe/Paris";
    public CustomerSnapshot.QuietHours quietHours;
    public Map<String, CustomerSnapshot.Consent> consents = Events.consents(true, true, false, false);
    public boolean withDevice;
    public boolean withSocialHandle;
    public List<String> segments = new ArrayList<>();
    public long version = 1;

    public CustomerSnapshot snapshot() {
        return new CustomerSnapshot(id, name, List.of(email), List.of(phone), withDevice ? List.of(deviceToken) : List.of(),
                socialHandles(), new CustomerSnapshot.Preferences(preferredChannel, "paris-louvre", language, timeZone, quietHours),
                consents, segments, version, List.of(), List.of(), List.of());
    }

    public List<String> socialHandles() {
        return withSocialHandle ? List.of(socialHandle) : List.of();
    }
}
