package dev.omnichannel.gateway.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.gateway.kiosk.config.KioskSessionConfig;
import dev.omnichannel.gateway.kiosk.service.KioskDevices;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KioskDevicesTest {

    record Device(String key, String oidcClient) implements KioskSessionConfig.Device {
    }

    final KioskDevices devices = new KioskDevices(() -> Map.of(
            "louvre-1", new Device("first-device-key", "kiosk"),
            "bastille-1", new Device("second-device-key", "kiosk-bastille")));

    @Test
    void each_device_is_recognised_by_its_own_key_with_its_oidc_client() {
        assertEquals(new KioskDevices.KioskDevice("louvre-1", "kiosk"), devices.recognise("first-device-key").orElseThrow());
        assertEquals(new KioskDevices.KioskDevice("bastille-1", "kiosk-bastille"),
                devices.recognise("second-device-key").orElseThrow());
    }

    @Test
    void a_prefix_an_extension_another_case_or_nothing_is_no_key() {
        for (String wrong : new String[] { "first-device-ke", "first-device-key ", "FIRST-DEVICE-KEY", "", null }) {
            assertTrue(devices.recognise(wrong).isEmpty(), "refused: " + wrong);
        }
    }
}
