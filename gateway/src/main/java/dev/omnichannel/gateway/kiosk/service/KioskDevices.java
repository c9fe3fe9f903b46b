package dev.omnichannel.gateway.kiosk.service;

import dev.omnichannel.gateway.kiosk.config.KioskSessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a kiosk device by the key it presents. The comparison takes the same time whatever
 * the key: both sides are hashed to a fixed length, compared with {@link MessageDigest#isEqual}, and
 * every device is compared, so neither a key's prefix nor its length nor its position can be timed.
 */
@ApplicationScoped
public class KioskDevices {

    /** A device that presented its key: its configured name and the oidc-client it gets tokens from. */
    public record KioskDevice(String name, String oidcClient) {
    }

    private final Map<String, KioskSessionConfig.Device> devices;

    public KioskDevices(KioskSessionConfig config) {
        this.devices = Map.copyOf(config.devices());
    }

    public Optional<KioskDevice> recognise(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        KioskDevice match = null;
        for (Map.Entry<String, KioskSessionConfig.Device> device : devices.entrySet()) {
            boolean same = MessageDigest.isEqual(presented, sha256(device.getValue().key()));
            if (same && match == null) {
                match = new KioskDevice(device.getKey(), device.getValue().oidcClient());
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
